using Microsoft.AspNetCore.Diagnostics;

namespace QueueBoard.Web.Problems;

/// <summary>
/// Turns failures into problem details: a request the server cannot read keeps its 4xx status, and a grain or storage
/// failure becomes 503 with <c>Retry-After</c> and advice to retry. Part of a failed batch may have been stored; a retry applies only what is
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
            _ when TransientFailure.Is(exception) => (StatusCodes.Status503ServiceUnavailable, ApiProblems.UnavailableTitle),
            _ => (StatusCodes.Status500InternalServerError, "Something went wrong inside QueueBoard. Send the same request again, or tell the command centre."),
        };

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            // Expected while a node or Redis is down: one line each, not a stack trace per request.
            logger.LogWarning("Request {Method} {Path} answered 503: {Error}", httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
            ApiProblems.SetRetryAfter(httpContext.Response);
        }
        else if (status >= 500)
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
