using Microsoft.AspNetCore.Diagnostics;

namespace QueueBoard.Web.Problems;

/// <summary>
/// Turns failures into problem details: a request the server cannot read keeps its 4xx status, and a grain or storage
/// failure becomes 503 with advice to retry. Part of a failed batch may have been stored; a retry applies only what is
/// missing for events that carry ids, which is why lead devices always send them.
/// </summary>
public sealed class ExceptionProblemHandler(IProblemDetailsService problems, ILogger<ExceptionProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? "The request body is too large."
                : "The request could not be read."),
            OrleansException or TimeoutException => (StatusCodes.Status503ServiceUnavailable,
                "QueueBoard could not reach its storage or cluster just now. Send the same request again in a few seconds."),
            _ => (StatusCodes.Status500InternalServerError, "Something went wrong inside QueueBoard. Send the same request again, or tell the command centre."),
        };

        if (status >= 500)
        {
            logger.LogError(exception, "Request {Method} {Path} failed", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title },
        });
    }
}
