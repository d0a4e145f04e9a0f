using Microsoft.AspNetCore.SignalR;
using QueueBoard.Abstractions.Grains;
using QueueBoard.Web.Validation;

namespace QueueBoard.Web.Hubs;

/// <summary>
/// The live feed for screens. Each Watch call joins a group and then sends the caller the current snapshot, so a client
/// that reconnects is whole again without a reload; later pushes come from the grains through <see cref="HubQueuePublisher"/>.
/// </summary>
public sealed class QueueHub(IGrainFactory grains) : Hub<IQueueClient>
{
    public async Task WatchSite(string siteId)
    {
        var site = Identifiers.IsValid(siteId) ? grains.GetGrain<ISiteGrain>(siteId) : null;

        // Join before reading, so no change can fall between the snapshot and the first push.
        var detail = site is null ? null : await JoinThenRead(HubGroups.Site(siteId), site.GetDetail);
        if (detail is null)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Site(siteId));
            throw new HubException($"No site has the id '{siteId}'.");
        }

        await Clients.Caller.SiteUpdated(detail);
    }

    public Task UnwatchSite(string siteId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Site(siteId));

    public async Task WatchBoard()
    {
        var board = await JoinThenRead(HubGroups.Board, () => grains.GetGrain<IDistrictGrain>(0).GetBoard(null));
        await Clients.Caller.BoardUpdated(board.Rows);
    }

    public async Task WatchOverview()
    {
        var overview = await JoinThenRead(HubGroups.Overview, grains.GetGrain<IDistrictGrain>(0).GetOverview);
        await Clients.Caller.OverviewUpdated(overview);
    }

    private async Task<T> JoinThenRead<T>(string group, Func<Task<T>> read)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        return await read();
    }
}
