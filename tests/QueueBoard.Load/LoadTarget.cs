namespace QueueBoard.Load;

/// <summary>
/// A server the harness drives: QueueBoard (one node or a cluster) or a bare baseline, at an address, with the process
/// whose CPU and memory are measured. The same client code talks to every target; only the hub's watch calls differ.
/// </summary>
public sealed record LoadTarget(string Name, Uri BaseAddress, string AdminToken, int? ProcessId, bool Bare)
{
    public Uri Hub => new(BaseAddress, Bare ? "/hubs/bare" : "/hubs/queue");
}
