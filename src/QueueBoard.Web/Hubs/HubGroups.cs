namespace QueueBoard.Web.Hubs;

/// <summary>
/// SignalR group names: one per watched site, one for the board in full, one for each compact form (the phones' packed
/// form, and the older one with sites by id and Unix times), one for the overview.
/// </summary>
public static class HubGroups
{
    public const string Board = "board";
    public const string BoardCompact = "board-compact";
    public const string BoardPacked = "board-packed";
    public const string Overview = "overview";

    public static string Site(string siteId) => $"site:{siteId}";
}
