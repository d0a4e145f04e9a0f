namespace QueueBoard.Web.Problems;

/// <summary>The problem-details answers of the API, each with a title a person can act on.</summary>
public static class ApiProblems
{
    public static IResult Invalid(string title, Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: title);

    public static IResult SiteNotFound(string siteId) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: $"No site has the id '{siteId}'.",
        detail: "Check the id against GET /api/v1/sites, or create the site with PUT /api/v1/sites/{siteId}.");

    /// <summary>How long a client should wait before sending the same request again, in seconds.</summary>
    public const int RetryAfterSeconds = 2;

    public const string UnavailableTitle =
        "QueueBoard could not reach its storage or cluster just now. Send the same request again in a few seconds.";

    /// <summary>503 with <c>Retry-After</c>: nothing is known to be lost, and the same request (same event ids) is safe to repeat.</summary>
    public static IResult Unavailable(HttpResponse response)
    {
        SetRetryAfter(response);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: UnavailableTitle,
            detail: "Events sent with ids are counted once however often they are sent.");
    }

    public static void SetRetryAfter(HttpResponse response) =>
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static IResult UnsupportedMediaType(string? contentType) => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Send the body as JSON with 'Content-Type: application/json'.",
        detail: contentType is null ? "The request had no Content-Type." : $"The request's Content-Type was '{contentType}'.");

    public static IResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);
}
