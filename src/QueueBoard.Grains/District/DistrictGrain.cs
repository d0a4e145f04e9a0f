using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using QueueBoard.Abstractions.Grains;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Options;
using QueueBoard.Grains.Persistence;
using QueueBoard.Grains.Publishing;
using QueueBoard.Grains.Time;

namespace QueueBoard.Grains.District;

/// <summary>
/// The district (<see cref="IDistrictGrain"/>): site grains publish their digests here; the board and overview are kept
/// in memory. Changed board rows go to each group of board watchers (<see cref="BoardShards"/>) at most once per
/// <see cref="QueueGrainOptions.BoardPushInterval"/>, as <see cref="BoardPushRota"/> decides, and a changed overview to
/// the command centres at most as often; the last state always pushed.
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class DistrictGrain(
    [PersistentState("district", GrainStorage.Name)] IPersistentState<DistrictState> state,
    IQueuePublisher publisher,
    DistrictClock clock,
    IOptions<QueueGrainOptions> options) : Grain, IDistrictGrain
{
    private readonly Dictionary<string, SiteDigest> _digests = new(StringComparer.Ordinal);
    private readonly FieldVersions _fields = new();
    private readonly BoardNumbers _numbers = new();
    private readonly PushThrottle _overviewThrottle = new(options.Value.BoardPushInterval, clock);
    private readonly BoardPushRota _rota = new(options.Value.BoardPushInterval, clock);

    // The board's version names this activation too, so that an ETag from before a restart never matches by accident.
    private readonly string _epoch = Guid.NewGuid().ToString("N")[..8];
    private long _boardVersion;
    private Overview? _lastOverview;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _rota.Attach(this.RegisterGrainTimer(_ => FlushBoardAsync(), Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        _overviewThrottle.Attach(this.RegisterGrainTimer(_ => FlushOverviewAsync(), Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));

        // Sites are gathered after activation: a site may be the caller that is activating us.
        this.RegisterGrainTimer(GatherSitesAsync, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    // The node's per-site gauges are the district's rows; left behind, a cluster's scrape would count each site twice.
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => publisher.BoardReleased();

    public async Task Publish(ImmutableArray<SiteDigest> digests)
    {
        var added = false;
        foreach (var digest in digests)
        {
            added |= state.State.SiteIds.Add(digest.Summary.Id);
        }

        if (added)
        {
            await state.WriteOrResetAsync(this);
        }

        foreach (var digest in digests)
        {
            Accept(digest);
            await ForgetClearedAcknowledgementsAsync(digest);
        }
    }

    public Task<BoardPage> GetBoard(string? knownVersion)
    {
        var version = Version();
        var rows = knownVersion == version ? default : AllRows();
        return Task.FromResult(new BoardPage(version, rows));
    }

    public Task<BoardDelta> GetBoardSince(string? knownVersion)
    {
        if (string.IsNullOrEmpty(knownVersion))
        {
            var all = AllRows();
            return Task.FromResult(new BoardDelta(Version(), true, all, default, Numbers(all)));
        }

        // A version from before this activation (a restart, the district moving node): the reader holds every site, but
        // no field of it can be trusted, so every field of every row goes as changed rows, not the board.
        return Task.FromResult(ChangedSince(TryReadVersion(knownVersion, out var known) ? known : -1));
    }

    public Task PushAgain(ImmutableArray<string> siteIds, bool overview)
    {
        foreach (var id in siteIds.Where(_digests.ContainsKey))
        {
            // Watchers missed the failed push, which may have failed after a later one reached them (a Redis timeout takes
            // seconds): the row is whole from a new version, for the next push and for any watch from a version before it.
            _boardVersion++;
            _fields.Missed(id, _boardVersion);
        }

        if (overview)
        {
            _lastOverview = null;
            _overviewThrottle.Schedule();
        }

        _rota.Schedule(_boardVersion);
        return Task.CompletedTask;
    }

    public Task<SiteIdSet> GetSiteIds(int knownCount)
    {
        var ids = state.State.SiteIds;
        return Task.FromResult(new SiteIdSet(ids.Count, ids.Count == knownCount ? [] : [.. ids]));
    }

    public Task<Overview> GetOverview() => Task.FromResult(OverviewBuilder.Build(_digests.Values, state.State.Acknowledged));

    public async Task<bool> Acknowledge(string alertId)
    {
        var alert = _digests.Values.SelectMany(d => d.Alerts).FirstOrDefault(a => a.Id == alertId);
        if (alert is null)
        {
            return false;
        }

        if (!state.State.Acknowledged.ContainsKey(alertId))
        {
            state.State.Acknowledged[alertId] = new AlertAcknowledgement(alert.SiteId, clock.UtcNow);
            await state.WriteOrResetAsync(this);
            _overviewThrottle.Schedule();
        }

        return true;
    }

    private void Accept(SiteDigest digest)
    {
        var id = digest.Summary.Id;
        var rowChanged = !_digests.TryGetValue(id, out var previous) || !digest.Summary.LooksSameAs(previous.Summary);
        _digests[id] = digest;
        _numbers.Of(id);
        if (rowChanged)
        {
            _boardVersion++;
            _fields.Changed(previous?.Summary, digest.Summary, _boardVersion);
            _rota.Schedule(_boardVersion);
        }

        _overviewThrottle.Schedule();
    }

    /// <summary>
    /// Drops acknowledgements of alerts a site's new digest no longer raises, so the same condition coming back later is
    /// news again. A site not yet heard from since activation keeps its acknowledgements until it is.
    /// </summary>
    private async Task ForgetClearedAcknowledgementsAsync(SiteDigest digest)
    {
        if (state.State.Acknowledged.Count == 0)
        {
            return;
        }

        var cleared = state.State.Acknowledged
            .Where(a => a.Value.SiteId == digest.Summary.Id && digest.Alerts.All(alert => alert.Id != a.Key))
            .Select(a => a.Key)
            .ToList();
        if (cleared.Count == 0)
        {
            return;
        }

        foreach (var id in cleared)
        {
            state.State.Acknowledged.Remove(id);
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception)
        {
            // Storage is away: the pushes go on, and the shorter list is written with the next change.
        }
    }

    private async Task GatherSitesAsync(CancellationToken cancellationToken)
    {
        var missing = state.State.SiteIds.Where(id => !_digests.ContainsKey(id)).ToList();
        var digests = await Task.WhenAll(missing.Select(id => GrainFactory.GetGrain<ISiteGrain>(id).GetDigest()));
        foreach (var digest in digests.OfType<SiteDigest>())
        {
            if (!_digests.ContainsKey(digest.Summary.Id))
            {
                Accept(digest);
                await ForgetClearedAcknowledgementsAsync(digest);
            }
        }
    }

    private async Task FlushBoardAsync()
    {
        _rota.FlushStarted();

        // Groups due one after another (in step after a quiet spell) go in this turn, not each after a wait for the timer,
        // which on a node busy with a crowd comes late.
        while (_rota.Take(_boardVersion) is { Shards.Count: > 0 } due)
        {
            // Timed, since on a single node the hub writes the push to every watcher of these groups before it returns.
            var started = Stopwatch.GetTimestamp();
            await publisher.BoardChanged(ChangedSince(due.Since), due.Shards);
            _rota.Written(due.Shards, Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task FlushOverviewAsync()
    {
        _overviewThrottle.FlushStarted();
        var overview = OverviewBuilder.Build(_digests.Values, state.State.Acknowledged);
        if (overview.LooksSameAs(_lastOverview) || !_overviewThrottle.TryPush())
        {
            return;
        }

        _lastOverview = overview;
        await publisher.OverviewChanged(overview);
    }

    /// <summary>The rows with a field that changed after board version <paramref name="since"/>, and which fields did.</summary>
    private BoardDelta ChangedSince(long since)
    {
        var rows = ImmutableArray.CreateBuilder<SiteSummary>();
        var fields = ImmutableArray.CreateBuilder<int>();
        foreach (var id in _numbers.Ids)
        {
            if (_fields.Since(id, since) is var mask and not 0)
            {
                rows.Add(_digests[id].Summary);
                fields.Add(mask);
            }
        }

        var changed = rows.DrainToImmutable();
        return new BoardDelta(Version(), false, changed, fields.DrainToImmutable(), Numbers(changed));
    }

    private string Version() => $"{_epoch}-{_boardVersion}";

    // In number order: a phone learns every site's number from its place in the board it read.
    private ImmutableArray<SiteSummary> AllRows() => _numbers.Ids.Select(id => _digests[id].Summary).ToImmutableArray();

    private ImmutableArray<int> Numbers(ImmutableArray<SiteSummary> rows) => rows.Select(row => _numbers.Of(row.Id)).ToImmutableArray();

    /// <summary>The board version a reader names, when it is one of this activation's.</summary>
    private bool TryReadVersion(string version, out long number)
    {
        number = 0;
        return version.StartsWith(_epoch, StringComparison.Ordinal)
            && version.Length > _epoch.Length
            && version[_epoch.Length] == '-'
            && long.TryParse(version.AsSpan(_epoch.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out number)
            && number <= _boardVersion;
    }
}
