namespace QueueBoard.Web.Hubs;

/// <summary>
/// SignalR group names: one per watched site, one for the board in full, one for each compact form (times as Unix
/// milliseconds, or as ages before the push's time), one for the overview.
/// </summary>
public static class HubGroups
{
    public const string Board = "board";
    public const string BoardCompact = "board-compact";
    public const string BoardWithAges = "board-ages";
    public const string Overview = "overview";

    public static string Site(string siteId) => $"site:{siteId}";
}
