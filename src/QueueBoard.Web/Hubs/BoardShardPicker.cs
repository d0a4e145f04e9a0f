using QueueBoard.Grains.Publishing;

namespace QueueBoard.Web.Hubs;

/// <summary>
/// Puts each connection that watches the board into one of the board's groups (<see cref="BoardShards"/>), in turn, so
/// that the groups this node holds stay the same size and each of the district's pushes writes an even share of them.
/// </summary>
public sealed class BoardShardPicker
{
    private uint _next;

    public int Next() => (int)(Interlocked.Increment(ref _next) % BoardShards.Count);
}
