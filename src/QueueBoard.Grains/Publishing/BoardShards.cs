namespace QueueBoard.Grains.Publishing;

/// <summary>
/// The board's watchers are split into this many groups (shards), each connection in one for its life, so that the
/// district can push the board to one group at a time. Writing a push to twenty thousand phones takes a node's core a
/// fifth of a second; spread over the one-second window a group at a time, no phone waits behind the whole crowd, and the
/// node's other work (walls, arrivals) never waits behind one long write. The district and the hub must agree on it, so it
/// is fixed here rather than configured.
/// </summary>
public static class BoardShards
{
    public const int Count = 8;
}
