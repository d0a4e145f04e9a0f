using Microsoft.AspNetCore.Http.HttpResults;

namespace QueueBoard.Web.Problems;

/// <summary>
/// The problem-details answers of the API, each with a title a person can act on; all of one type, so that endpoints
/// declare their answers as <c>Results&lt;Ok&lt;T&gt;, ProblemHttpResult&gt;</c>.
/// </summary>
public static class ApiProblems
{
    /// <summary>400 naming each bad field in <c>errors</c>, as ASP.NET Core's validation problems do.</summary>
    public static ProblemHttpResult Invalid(string title, Dictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors) { Status = StatusCodes.Status400BadRequest, Title = title });

    public static ProblemHttpResult SiteNotFound(string siteId) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: $"No site has the id '{siteId}'.",
        detail: "Check the id against GET /api/v1/sites, or create the site with PUT /api/v1/sites/{siteId}.");

    /// <summary>How long a client should wait before sending the same request again, in seconds.</summary>
    public const int RetryAfterSeconds = 2;

    public const string UnavailableTitle =
        "QueueBoard could not reach its storage or cluster just now. Send the same request again in a few seconds.";

    /// <summary>503 with <c>Retry-After</c>: nothing is known to be lost, and the same request (same event ids) is safe to repeat.</summary>
    public static ProblemHttpResult Unavailable(HttpResponse response)
    {
        SetRetryAfter(response);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: UnavailableTitle,
            detail: "Events sent with ids are counted once however often they are sent.");
    }

    /// <summary>429 with <c>Retry-After</c> for a lead code that sent more events than <see cref="Limits.LeadEventBudget"/> allows.</summary>
    public static ProblemHttpResult TooManyEvents(HttpResponse response, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: $"This lead code sent more events than a site's devices do. Wait {seconds} s and send the same batch again.",
            detail: "Nothing in the refused batch was applied; events with ids are counted once however often they are sent.");
    }

    public static void SetRetryAfter(HttpResponse response) =>
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static ProblemHttpResult UnsupportedMediaType(string? contentType) => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Send the body as JSON with 'Content-Type: application/json'.",
        detail: contentType is null ? "The request had no Content-Type." : $"The request's Content-Type was '{contentType}'.");

    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);
}
