using QueueBoard.Web.Endpoints;
using QueueBoard.Web.Health;
using QueueBoard.Web.Hubs;

namespace QueueBoard.Web.Extensions;

/// <summary>The request pipeline and every endpoint: API, hub, health, pages and static files.</summary>
public static class QueueBoardApplicationExtensions
{
    public static WebApplication MapQueueBoard(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapGroup("/api/v1")
            .MapPublic()
            .MapSiteLead()
            .MapSiteAdmin();
        app.MapHub<QueueHub>("/hubs/queue");
        app.MapHealth();
        app.MapPages();
        return app;
    }
}
