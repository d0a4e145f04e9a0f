using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace QueueBoard.Web.Health;

/// <summary>
/// Readiness: this node's silo answers a call through the cluster and the membership lists at least one active node.
/// A node still joining, or cut off from the cluster, is not ready and gets no traffic.
/// </summary>
public sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken).WaitAsync(Timeout, cancellationToken);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} active node(s)")
                : HealthCheckResult.Unhealthy("No active node in the cluster membership.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The cluster did not answer: {ex.GetBaseException().Message}");
        }
    }
}
