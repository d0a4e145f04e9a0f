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

    public static IResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);
}
