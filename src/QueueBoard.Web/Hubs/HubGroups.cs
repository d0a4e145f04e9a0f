namespace QueueBoard.Web.Hubs;

/// <summary>
/// SignalR group names: one per watched site, one for the overview, and for each form of the board (in full, and the
/// phones' compact forms: packed, and the older one with sites by id and Unix times) one per group of board watchers
/// (<see cref="QueueBoard.Grains.Publishing.BoardShards"/>), which the district pushes to in turn.
/// </summary>
public static class HubGroups
{
    public const string Overview = "overview";

    public static string Site(string siteId) => $"site:{siteId}";

    public static string Board(int shard) => $"board:{shard}";

    public static string BoardCompact(int shard) => $"board-compact:{shard}";

    public static string BoardPacked(int shard) => $"board-packed:{shard}";
}
