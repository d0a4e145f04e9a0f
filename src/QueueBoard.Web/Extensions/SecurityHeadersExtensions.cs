namespace QueueBoard.Web.Extensions;

/// <summary>
/// Headers on every response: a strict Content-Security-Policy (pages load scripts, styles and connections from this
/// host only, never inline, so a wall screen on a closed network never reaches out and injected markup cannot run),
/// no MIME sniffing, no framing, no referrer.
/// </summary>
public static class SecurityHeadersExtensions
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set as the response starts, not as the request arrives: the exception handler clears the headers of a response
        // it rewrites (a 413, a malformed chunked body), and its answer must carry them too.
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    });
}
