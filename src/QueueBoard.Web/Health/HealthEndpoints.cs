using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace QueueBoard.Web.Health;

/// <summary>
/// <c>/health/live</c> (the process answers: restart it if not) and <c>/health/ready</c> (storage and cluster reachable:
/// send it traffic), for load balancers, compose and Kubernetes probes.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        // A probe refused for a busy address (a balancer's, or a node's that also carries clients) would get a healthy node
        // taken out of service or restarted: probes are never rate-limited.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .DisableRateLimiting();
        return app;
    }
}
