using QueueBoard.Testing;

namespace QueueBoard.Cluster.Tests;

/// <summary>
/// A Redis server and QueueBoard nodes as real processes for one test, with a cluster id of its own; everything is killed
/// when the test ends.
/// </summary>
public sealed class ClusterScenario : IAsyncDisposable
{
    private ClusterScenario(RedisServer redis, string clusterId, IReadOnlyList<NodeProcess> nodes)
    {
        Redis = redis;
        ClusterId = clusterId;
        Nodes = nodes;
    }

    /// <summary>The cluster id, which the nodes also use as their service id (the prefix of every Redis key they write).</summary>
    public string ClusterId { get; }

    public RedisServer Redis { get; }

    public IReadOnlyList<NodeProcess> Nodes { get; }

    /// <summary>Starts Redis and <paramref name="count"/> nodes, one after another, each ready before the next.</summary>
    public static async Task<ClusterScenario> StartAsync(int count)
    {
        var redis = await RedisServer.StartNewAsync();
        var clusterId = $"qb-{Guid.NewGuid():N}"[..12];
        var nodes = Enumerable.Range(0, count).Select(i => NodeProcess.InCluster($"node{i + 1}", redis.Address, clusterId)).ToList();
        var scenario = new ClusterScenario(redis, clusterId, nodes);
        try
        {
            foreach (var node in nodes)
            {
                await node.StartAsync();
            }
        }
        catch
        {
            await scenario.DisposeAsync();
            throw;
        }

        return scenario;
    }

    /// <summary>Every node's recent output, for a failure message.</summary>
    public string Logs() => string.Join("\n", Nodes.Select(n => n.LogTail(40)));

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes)
        {
            await node.DisposeAsync();
        }

        await Redis.DisposeAsync();
    }
}
