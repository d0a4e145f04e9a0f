namespace QueueBoard.Web.Problems;

/// <summary>
/// Fills in what the framework's own problem answers lack, as every problem leaves the node: a 415 from routing (which
/// refuses a body that is not JSON before any handler runs) gets the same words a person can act on as the handlers'
/// own (<see cref="ApiProblems.UnsupportedMediaType"/>), and a 429 gets a <c>type</c>, as every other status has.
/// </summary>
public static class ProblemDefaults
{
    public const string TooManyRequestsType = "https://tools.ietf.org/html/rfc6585#section-4";

    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Status == StatusCodes.Status415UnsupportedMediaType && problem.Detail is null)
        {
            var given = ApiProblems.UnsupportedMediaType(context.HttpContext.Request.ContentType).ProblemDetails;
            problem.Title = given.Title;
            problem.Detail = given.Detail;
        }

        if (problem.Status == StatusCodes.Status429TooManyRequests)
        {
            problem.Type ??= TooManyRequestsType;
        }
    }
}
