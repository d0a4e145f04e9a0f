using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using QueueBoard.Abstractions.Grains;
using QueueBoard.Web.Limits;
using QueueBoard.Web.Sites;
using QueueBoard.Web.Telemetry;
using QueueBoard.Web.Validation;

namespace QueueBoard.Web.Hubs;

/// <summary>
/// The live feed for screens. Each Watch call sends the caller the current snapshot first, so a client that reconnects is
/// whole again without a reload, and only then joins the group that later pushes (from the grains, through
/// <see cref="HubQueuePublisher"/>) go to. A change that lands between the snapshot and the join is caught by reading
/// once more after joining. Limits: connections per client address, sites watched per connection, message size
/// (<see cref="RequestLimitOptions"/>); a refused call gets a short hub error and a sampled log line, never a trace.
/// </summary>
public sealed class QueueHub(
    IGrainFactory grains,
    KnownSites known,
    HubConnectionCounter connections,
    RefusalLog refusals,
    QueueBoardMetrics metrics,
    IOptions<RequestLimitOptions> limits) : Hub<IQueueClient>
{
    private const string AddressKey = "queueboard:address";
    private const string WatchesKey = "queueboard:watches";

    public override async Task OnConnectedAsync()
    {
        var address = Context.GetHttpContext() is { } http ? ClientAddress.LimitKey(http) : "unknown";
        if (!connections.TryAdd(address, limits.Value.HubConnectionsPerAddress))
        {
            refusals.Refused("hub connection", $"{address} already holds {limits.Value.HubConnectionsPerAddress} connections");
            Context.Abort();
            return;
        }

        Context.Items[AddressKey] = address;
        metrics.WatcherConnected();
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(AddressKey, out var address))
        {
            connections.Release((string)address!);
            metrics.WatcherDisconnected();
        }

        return base.OnDisconnectedAsync(exception);
    }

    public async Task WatchSite(string? siteId)
    {
        var watches = Watches();
        if (!watches.Contains(siteId ?? string.Empty) && watches.Count >= limits.Value.WatchesPerConnection)
        {
            throw Refuse("hub watch limit", $"A connection may watch at most {limits.Value.WatchesPerConnection} sites; unwatch one first.");
        }

        var site = await known.ContainsAsync(siteId!) ? grains.GetGrain<ISiteGrain>(siteId!) : null;
        var detail = site is null ? null : await site.GetDetail();
        if (site is null || detail is null)
        {
            throw Refuse("hub watch", Identifiers.IsValid(siteId) ? $"No site has the id '{siteId}'." : "That is not a site id.");
        }

        watches.Add(siteId!);
        await Clients.Caller.SiteUpdated(detail);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Site(siteId!));
        if (await site.GetDetail() is { } after && !after.LooksSameAs(detail))
        {
            await Clients.Caller.SiteUpdated(after);
        }
    }

    public Task UnwatchSite(string? siteId)
    {
        if (!Watches().Remove(siteId ?? string.Empty))
        {
            return Task.CompletedTask;
        }

        return Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Site(siteId!));
    }

    public Task WatchBoard() => WatchBoardIn(HubGroups.Board);

    /// <summary>
    /// The board for phones: the same full snapshot as <see cref="WatchBoard"/>, then changed rows as
    /// <see cref="BoardChanges"/> in <c>boardChanged</c> pushes, at the board's pace.
    /// </summary>
    public Task WatchBoardCompact() => WatchBoardIn(HubGroups.BoardCompact);

    private async Task WatchBoardIn(string group)
    {
        var district = grains.GetGrain<IDistrictGrain>(0);
        var board = await district.GetBoard(null);
        await Clients.Caller.BoardUpdated(board.Rows);
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
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

    private HashSet<string> Watches()
    {
        if (Context.Items.TryGetValue(WatchesKey, out var existing))
        {
            return (HashSet<string>)existing!;
        }

        var watches = new HashSet<string>(StringComparer.Ordinal);
        Context.Items[WatchesKey] = watches;
        return watches;
    }

    private HubException Refuse(string kind, string message)
    {
        refusals.Refused(kind, $"{message} ({(Context.Items.TryGetValue(AddressKey, out var address) ? address : "unknown")})");
        return new HubException(message);
    }
}
