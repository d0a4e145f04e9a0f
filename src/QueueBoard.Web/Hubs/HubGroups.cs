namespace QueueBoard.Web.Hubs;

/// <summary>SignalR group names: one per watched site, one for the board, one for the overview.</summary>
public static class HubGroups
{
    public const string Board = "board";
    public const string Overview = "overview";

    public static string Site(string siteId) => $"site:{siteId}";
}
