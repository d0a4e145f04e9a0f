namespace QueueBoard.Load;

/// <summary>
/// A server the harness drives: QueueBoard (one node or a cluster) or a bare baseline, at its nodes' addresses, with the
/// processes whose CPU and memory are measured (summed over the nodes). Site <c>i</c> is created, posted to and watched
/// through node <c>i mod nodes</c>, as a load balancer keeping a site's phones on one node would spread them; the same
/// client code talks to every target, and only the hub's watch calls differ.
/// </summary>
public sealed record LoadTarget(string Name, IReadOnlyList<Uri> Nodes, string AdminToken, IReadOnlyList<int> ProcessIds, bool Bare)
{
    // Named as the record's own parameters, so that calls naming `Bare:` can reach it.
    public LoadTarget(string Name, Uri BaseAddress, string AdminToken, int? ProcessId, bool Bare)
        : this(Name, [BaseAddress], AdminToken, ProcessId is { } pid ? [pid] : [], Bare)
    {
    }

    public Uri BaseAddress => Nodes[0];

    /// <summary>The node that serves site number <paramref name="site"/> (or watcher number, for the board).</summary>
    public Uri NodeFor(int site) => Nodes[site % Nodes.Count];

    /// <summary>Where watchers connect, node by node: the nodes' own addresses unless they listen for HTTP/2 elsewhere.</summary>
    public IReadOnlyList<Uri>? WatchAddresses { get; init; }

    public Uri HubFor(int index)
    {
        var nodes = WatchAddresses ?? Nodes;
        return new(nodes[index % nodes.Count], Bare ? "/hubs/bare" : "/hubs/queue");
    }

    /// <summary>The store's processes (a cluster's Redis): sampled beside the nodes, since the ids a soak keeps live there.</summary>
    public IReadOnlyList<int> StoreProcessIds { get; init; } = [];

    /// <summary>Samples the target's processes while a phase runs; none for a target whose processes are not ours.</summary>
    public ProcessMeter? Meter() => ProcessIds.Count == 0 ? null : new ProcessMeter(ProcessIds);

    /// <summary>Samples the store's processes while a phase runs; none without a store of ours.</summary>
    public ProcessMeter? StoreMeter() => StoreProcessIds.Count == 0 ? null : new ProcessMeter(StoreProcessIds);
}
