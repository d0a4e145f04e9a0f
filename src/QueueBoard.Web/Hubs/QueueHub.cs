using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using QueueBoard.Abstractions.Grains;
using QueueBoard.Abstractions.Model;
using QueueBoard.Web.Limits;
using QueueBoard.Web.Sites;
using QueueBoard.Web.Telemetry;
using QueueBoard.Web.Validation;

namespace QueueBoard.Web.Hubs;

/// <summary>
/// The live feed for screens. Each Watch call sends the caller the current snapshot first, so a client that reconnects is
/// whole again without a reload, and only then joins the group that later pushes (from the grains, through
/// <see cref="HubQueuePublisher"/>) go to. A change that lands between the snapshot and the join is caught by reading
/// once more after joining. Limits: connections on the node and per client address, sites watched per connection, message size
/// (<see cref="RequestLimitOptions"/>); a refused call gets a short hub error and a sampled log line, never a trace.
/// </summary>
public sealed class QueueHub(
    IGrainFactory grains,
    KnownSites known,
    HubConnectionCounter connections,
    RefusalLog refusals,
    BoardShardPicker shards,
    QueueBoardMetrics metrics,
    IOptions<RequestLimitOptions> limits) : Hub<IQueueClient>
{
    private const string AddressKey = "queueboard:address";
    private const string WatchesKey = "queueboard:watches";
    private const string ShardKey = "queueboard:shard";

    // Versions are an activation's eight-letter tag and a number; anything longer is cut to no version of ours.
    private const int MaxVersionLength = 40;

    public override async Task OnConnectedAsync()
    {
        var address = Context.GetHttpContext() is { } http ? ClientAddress.LimitKey(http) : "unknown";
        if (!connections.TryOpen())
        {
            refusals.Refused("hub connection", $"the node already holds {connections.NodeLimit} watchers");
            Context.Abort();
            return;
        }

        if (!connections.TryAdd(address, limits.Value.HubConnectionsPerAddress))
        {
            connections.Close();
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
            connections.Close();
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

    public async Task WatchBoard()
    {
        var district = grains.GetGrain<IDistrictGrain>(0);
        var board = await district.GetBoard(null);
        await Clients.Caller.BoardUpdated(board.Rows);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Board(Shard()));

        // At a district's peak nearly every row changes while joining: only those go again, not the whole board.
        if ((await district.GetBoardSince(board.Version)).Rows is { IsEmpty: false } after)
        {
            await Clients.Caller.BoardUpdated(after);
        }
    }

    /// <summary>The phones' board from nothing: <see cref="WatchBoardSince"/> with no version.</summary>
    public Task WatchBoardCompact() => WatchBoardSince(null);

    /// <summary>
    /// The board for phones, from a version they hold (the <c>ETag</c> of <c>GET /api/v1/sites</c>, or the
    /// <see cref="BoardChanges.Version"/> of the last push they took): only the fields that changed since, as a
    /// <c>boardChanged</c>, then changed rows in <c>boardChanged</c> pushes at the board's pace, packed: each row names
    /// its site by number (its place in the board read), with the ids of rows that carry every field (sites added since)
    /// in <see cref="BoardChanges.Ids"/>, and its <c>updatedAt</c> as milliseconds before <see cref="BoardChanges.At"/>.
    /// A version the district
    /// did not give out (it restarted) gets every field of every row, as a <c>boardChanged</c>: the phone holds the
    /// sites, so the rows need no repeated field names. No version gets the whole board as a <c>boardUpdated</c> first. The watch always ends with a
    /// <c>boardChanged</c>, so the phone learns the version it holds.
    /// </summary>
    /// <remarks>A district's full board is about 256 KB, which a phone would otherwise take over the uncompressed
    /// socket on every connect, after it had just read the same board compressed (17 KB) over HTTP; after a restart,
    /// when every phone comes back at once, its changed rows are about 200 bytes a row, names included. A number is one to
    /// three digits where an id is a dozen characters or more, and an age one to four where a Unix time is thirteen: at a
    /// district's peak, where every site's row goes to every phone every second, most of each push.</remarks>
    public Task WatchBoardPacked(string? knownVersion) => WatchChangesAsync(knownVersion, HubGroups.BoardPacked(Shard()), packed: true);

    /// <summary>
    /// <see cref="WatchBoardPacked"/> in the form before it: rows name their site by id, each <c>updatedAt</c> as Unix
    /// milliseconds.
    /// </summary>
    public Task WatchBoardSince(string? knownVersion) => WatchChangesAsync(knownVersion, HubGroups.BoardCompact(Shard()), packed: false);

    private async Task WatchChangesAsync(string? knownVersion, string group, bool packed)
    {
        var district = grains.GetGrain<IDistrictGrain>(0);
        var board = await district.GetBoardSince(knownVersion is { Length: > MaxVersionLength } ? knownVersion[..MaxVersionLength] : knownVersion);
        await SendBoardAsync(board, packed);
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        await SendBoardAsync(await district.GetBoardSince(board.Version), packed);
    }

    private Task SendBoardAsync(BoardDelta board, bool packed) =>
        board.Whole ? Clients.Caller.BoardUpdated(board.Rows) : Clients.Caller.BoardChanged(BoardChanges.Of(board, packed));

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

    // One group for the connection's life, whichever forms of the board it watches: a push to the group carries them all,
    // so the connection's pushes keep the window apart.
    private int Shard()
    {
        if (!Context.Items.TryGetValue(ShardKey, out var shard))
        {
            shard = shards.Next();
            Context.Items[ShardKey] = shard;
        }

        return (int)shard!;
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
