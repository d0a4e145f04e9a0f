using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using QueueBoard.Web.Auth;
using QueueBoard.Web.Endpoints;
using QueueBoard.Web.Health;
using QueueBoard.Web.Hubs;
using QueueBoard.Web.Limits;
using QueueBoard.Web.Options;
using QueueBoard.Web.Reports;
using QueueBoard.Web.History;

namespace QueueBoard.Web.Extensions;

/// <summary>The request pipeline and every endpoint: API, hub, health, pages and static files.</summary>
public static class QueueBoardApplicationExtensions
{
    public static WebApplication MapQueueBoard(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<QueueBoardOptions>>().Value;
        app.UseTrustedProxies(options.TrustedProxies);
        app.UseSecurityHeaders();
        app.UseQueueBoardCompression();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();

        // Before authentication: a flood is turned away before any token is checked against a site.
        app.UseQueueBoardRateLimits(options);
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapGroup("/api/v1")
            .MapPublic()
            .MapSiteLead()
            .MapSiteAdmin()
            .MapReports()
            .MapLeadCard()
            .MapReplay()
            .MapAlerts();
        app.MapHub<QueueHub>("/hubs/queue");
        app.MapHealth();
        if (options.Dashboard)
        {
            // Under the admin's Basic sign-in, and out of the OpenAPI document: it is Orleans' page, not QueueBoard's API.
            app.MapOrleansDashboard("/dashboard").RequireAuthorization(AuthPolicies.Dashboard).ExcludeFromDescription();
        }

        // GET /metrics: Prometheus text, QueueBoard's meters under queueboard_ beside ASP.NET Core's and Orleans'.
        app.MapPrometheusScrapingEndpoint().WithMetadata(new HttpMethodMetadata([HttpMethods.Get]));

        // GET /openapi/v1.json: generated from the endpoints' typed results and declared problems.
        app.MapOpenApi();
        app.MapPages();
        return app;
    }
}
