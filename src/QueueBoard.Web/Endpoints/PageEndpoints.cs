namespace QueueBoard.Web.Endpoints;

/// <summary>The four screens and the command centre's administration: each route serves its page from the top-level wwwroot; the page reads its site id from the path.</summary>
public static class PageEndpoints
{
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", Page("index.html"));
        app.MapGet("/wall/{siteId}", Page("wall.html"));
        app.MapGet("/command", Page("command.html"));
        app.MapGet("/lead/{siteId}", Page("lead.html"));
        app.MapGet("/command/admin", Page("admin.html"));
        app.MapGet("/command/summary", Page("summary.html"));
        return app;
    }

    private static Func<HttpContext, IWebHostEnvironment, IResult> Page(string file) => (context, environment) =>
    {
        // Pages change with every release; their scripts are revalidated too, so a wall screen never runs stale code.
        context.Response.Headers.CacheControl = "no-cache";
        return Results.File(environment.WebRootFileProvider.GetFileInfo(file).PhysicalPath!, "text/html; charset=utf-8");
    };
}
