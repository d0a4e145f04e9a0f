using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace QueueBoard.Web.Health;

/// <summary>
/// Readiness in cluster mode: Redis, which holds the membership and every grain's state, answers a PING. Uses a connection
/// of its own that reconnects in the background, so the check answers at once while Redis is down.
/// </summary>
public sealed class RedisHealthCheck(string configuration) : IHealthCheck, IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _connection = new(() =>
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return ConnectionMultiplexer.Connect(options);
    });

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await _connection.Value.GetDatabase().PingAsync().WaitAsync(ClusterHealthCheck.Timeout, cancellationToken);
            return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:0.#} ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"Redis did not answer: {ex.Message}");
        }
    }

    public void Dispose()
    {
        if (_connection.IsValueCreated)
        {
            _connection.Value.Dispose();
        }
    }
}
