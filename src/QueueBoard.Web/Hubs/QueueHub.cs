using Microsoft.AspNetCore.SignalR;
using QueueBoard.Abstractions.Grains;
using QueueBoard.Web.Sites;

namespace QueueBoard.Web.Hubs;

/// <summary>
/// The live feed for screens. Each Watch call sends the caller the current snapshot first, so a client that reconnects is
/// whole again without a reload, and only then joins the group that later pushes (from the grains, through
/// <see cref="HubQueuePublisher"/>) go to. A change that lands between the snapshot and the join is caught by reading
/// once more after joining.
/// </summary>
public sealed class QueueHub(IGrainFactory grains, KnownSites known) : Hub<IQueueClient>
{
    public async Task WatchSite(string siteId)
    {
        var site = await known.ContainsAsync(siteId) ? grains.GetGrain<ISiteGrain>(siteId) : null;
        var detail = site is null ? null : await site.GetDetail();
        if (site is null || detail is null)
        {
            throw new HubException($"No site has the id '{siteId}'.");
        }

        await Clients.Caller.SiteUpdated(detail);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Site(siteId));
        if (await site.GetDetail() is { } after && !after.LooksSameAs(detail))
        {
            await Clients.Caller.SiteUpdated(after);
        }
    }

    public Task UnwatchSite(string siteId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Site(siteId));

    public async Task WatchBoard()
    {
        var district = grains.GetGrain<IDistrictGrain>(0);
        var board = await district.GetBoard(null);
        await Clients.Caller.BoardUpdated(board.Rows);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Board);
        if ((await district.GetBoard(board.Version)).Rows is { IsDefault: false } after)
        {
            await Clients.Caller.BoardUpdated(after);
        }
    }

    public async Task WatchOverview()
    {
        var district = grains.GetGrain<IDistrictGrain>(0);
        var overview = await district.GetOverview();
        await Clients.Caller.OverviewUpdated(overview);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Overview);
        if (await district.GetOverview() is var after && !after.LooksSameAs(overview))
        {
            await Clients.Caller.OverviewUpdated(after);
        }
    }
}
