using System.Collections.Immutable;
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
/// in memory, and changed board rows and a changed overview are pushed together at most once per
/// <see cref="QueueGrainOptions.BoardPushInterval"/>, the last state always pushed.
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class DistrictGrain(
    [PersistentState("district", GrainStorage.Name)] IPersistentState<DistrictState> state,
    IQueuePublisher publisher,
    DistrictClock clock,
    IOptions<QueueGrainOptions> options) : Grain, IDistrictGrain
{
    private readonly Dictionary<string, SiteDigest> _digests = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changedRows = new(StringComparer.Ordinal);
    private readonly FieldVersions _fields = new();
    private readonly BoardNumbers _numbers = new();
    private readonly PushThrottle _throttle = new(options.Value.BoardPushInterval, clock);

    // The board's version names this activation too, so that an ETag from before a restart never matches by accident.
    private readonly string _epoch = Guid.NewGuid().ToString("N")[..8];
    private long _boardVersion;
    private long _pushedVersion;
    private Overview? _lastOverview;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _throttle.Attach(this.RegisterGrainTimer(_ => FlushAsync(), Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));

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
        var since = TryReadVersion(knownVersion, out var known) ? known : -1;

        var rows = ImmutableArray.CreateBuilder<SiteSummary>();
        var fields = ImmutableArray.CreateBuilder<int>();
        foreach (var digest in _digests.Values)
        {
            if (_fields.Since(digest.Summary.Id, since) is var mask and not 0)
            {
                rows.Add(digest.Summary);
                fields.Add(mask);
            }
        }

        var changed = rows.DrainToImmutable();
        return Task.FromResult(new BoardDelta(Version(), false, changed, fields.DrainToImmutable(), Numbers(changed)));
    }

    public Task PushAgain(ImmutableArray<string> siteIds, bool overview)
    {
        foreach (var id in siteIds.Where(_digests.ContainsKey))
        {
            // Watchers missed the failed push, which may have failed after a later one reached them (a Redis timeout takes
            // seconds): the row is whole from a new version, for the next push and for any watch from a version before it.
            _boardVersion++;
            _fields.Missed(id, _boardVersion);
            _changedRows.Add(id);
        }

        if (overview)
        {
            _lastOverview = null;
        }

        _throttle.Schedule();
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
            _throttle.Schedule();
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
            _changedRows.Add(id);
        }

        _throttle.Schedule();
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

    private async Task FlushAsync()
    {
        _throttle.FlushStarted();
        var overview = OverviewBuilder.Build(_digests.Values, state.State.Acknowledged);
        var overviewChanged = !overview.LooksSameAs(_lastOverview);
        if ((_changedRows.Count == 0 && !overviewChanged) || !_throttle.TryPush())
        {
            return;
        }

        if (_changedRows.Count > 0)
        {
            var rows = _changedRows.Select(id => _digests[id].Summary).ToImmutableArray();
            var fields = rows.Select(row => _fields.Since(row.Id, _pushedVersion)).ToImmutableArray();
            _changedRows.Clear();
            _pushedVersion = _boardVersion;
            await publisher.BoardChanged(new BoardDelta(Version(), false, rows, fields, Numbers(rows)));
        }

        if (overviewChanged)
        {
            _lastOverview = overview;
            await publisher.OverviewChanged(overview);
        }
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
