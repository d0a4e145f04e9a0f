using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using QueueBoard.Abstractions.Grains;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Accuracy;
using QueueBoard.Grains.District;
using QueueBoard.Grains.Forecast;
using QueueBoard.Grains.History;
using QueueBoard.Grains.Options;
using QueueBoard.Grains.Persistence;
using QueueBoard.Grains.Publishing;
using QueueBoard.Grains.Time;

namespace QueueBoard.Grains.Sites;

/// <summary>
/// One site (<see cref="ISiteGrain"/>). Events come in from the web host, duplicates are dropped against the site's recent
/// ids, the rest go out to lane grains, and the lanes' readings come back into an in-memory picture. The site's board row
/// goes to the district grain as soon as it changes; the picture itself is pushed to watchers throttled (at most one push
/// per <see cref="QueueGrainOptions.SitePushInterval"/>, the last state always pushed, nothing pushed when nothing visible
/// changed). A configured site stays active, so that opening hours, midnight and decaying rates reach the screens without
/// any event; a grain for an id no site has deactivates at once. It is placed on the node that first calls it, which keeps
/// its calls to its own lanes local. Versions of its picture rise across activations and nodes: each activation starts
/// above every version the one before it can have pushed.
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
[PreferLocalPlacement]
public sealed class SiteGrain(
    [PersistentState("site", GrainStorage.Name)] IPersistentState<SiteState> state,
    [PersistentState("site-history", GrainStorage.Name)] IPersistentState<MinuteHistory> history,
    [PersistentState("site-accuracy", GrainStorage.Name)] IPersistentState<WaitAccuracyDay> accuracy,
    SitePictureBuilder pictures,
    WaitForecaster forecaster,
    DistrictClock clock,
    IQueuePublisher publisher,
    DigestRelay relay,
    IOptions<QueueGrainOptions> options,
    ILogger<SiteGrain> logger) : Grain, ISiteGrain
{
    /// <summary>
    /// The versions one activation may use (one a push and one a batch applied); a JavaScript number holds every version
    /// exactly for 9 million activations, and one activation taking a hundred batches a second would need 4 months.
    /// </summary>
    public const long VersionsPerActivation = 1_000_000_000;

    /// <summary>Enough for every lead of a large site and their replacements; more means codes are being handed out carelessly.</summary>
    public const int MaximumLeadCodes = 100;

    private readonly Dictionary<string, LaneReading> _readings = [];
    private readonly RecentIds _recentIds = new();
    private readonly SiteAlerts _alerts = new(options.Value);
    private readonly WaitAccuracyTracker _accuracy = new(clock);
    private readonly PushThrottle _throttle = new(options.Value.SitePushInterval, clock);
    private bool _running;
    private SiteDetail? _lastPushed;
    private SiteDigest? _lastDigest;
    private long _version;
    private WeekArchive? _week;
    private IGrainTimer? _archiveSoon;

    // GetGrain works out the interface's grain type by reflection on every call: a profile of single-event posts found it
    // a twentieth of each event's CPU, so the references this grain calls on every batch are made once.
    private readonly Dictionary<string, ILaneGrain> _laneGrains = new(StringComparer.Ordinal);
    private SiteDetail? _built;
    private DateTimeOffset _builtAt;

    private string SiteId => this.GetPrimaryKeyString();

    private WeekArchive Week => _week ??= new WeekArchive(new HourArchive(ServiceProvider, SiteId));

    private SiteConfig? Config => state.State.Config;

    private ILaneGrain Lane(string laneId)
    {
        if (!_laneGrains.TryGetValue(laneId, out var lane))
        {
            _laneGrains[laneId] = lane = GrainFactory.GetGrain<ILaneGrain>(ILaneGrain.KeyOf(SiteId, laneId));
        }

        return lane;
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Config is { } config)
        {
            state.State.Activations++;
            state.State.LaneSlots = LaneSlots.Assign(state.State.LaneSlots, LaneIds(), LaneIds());
            await state.WriteStateAsync(cancellationToken);
            _version = state.State.Activations * VersionsPerActivation;
            await ReadLanesAsync(config.Lanes);
            StartRunning();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // The hours first: the pass notes in the minute history which hours storage holds, for the next activation.
        if (Config is not null)
        {
            await ArchiveHoursAsync();
        }

        await history.WriteIfDirtyAsync(cancellationToken);
        await accuracy.WriteIfDirtyAsync(cancellationToken);
    }

    public async Task<ConfigureOutcome> Configure(SiteConfig config)
    {
        var newIds = config.Lanes.Select(l => l.Id).ToHashSet();
        var removed = Config?.Lanes.Where(l => !newIds.Contains(l.Id)).Select(l => l.Id).ToList() ?? [];
        var stillQueued = removed.Where(id => _readings.GetValueOrDefault(id)?.QueueLength > 0).ToImmutableArray();
        if (!stillQueued.IsEmpty)
        {
            return new ConfigureOutcome(null, stillQueued);
        }

        // The bits first, against the lanes as the masks so far were recorded.
        state.State.LaneSlots = LaneSlots.Assign(state.State.LaneSlots, Config is null ? [] : LaneIds(), [.. config.Lanes.Select(l => l.Id)]);
        state.State.RemovedLanesServed = ServedWith(removed);
        state.State.Config = config;
        await state.WriteOrResetAsync(this);

        foreach (var laneId in removed)
        {
            _readings.Remove(laneId);
            _accuracy.Forget(laneId);
            await Lane(laneId).Retire();
            _laneGrains.Remove(laneId);
        }

        await ReadLanesAsync(config.Lanes.Where(l => !_readings.ContainsKey(l.Id)));
        StartRunning();

        // Told at once, so that the board lists a new site as soon as its creation is acknowledged.
        var detail = Current();
        await PublishDigestAsync(detail, clock.UtcNow);
        _throttle.Schedule();
        return new ConfigureOutcome(detail, []);
    }

    /// <summary>The serves of lanes removed before, and of <paramref name="removed"/>, for today and yesterday.</summary>
    private Dictionary<DateOnly, int>? ServedWith(List<string> removed)
    {
        var yesterday = clock.DayOf(clock.UtcNow).AddDays(-1);
        var kept = (state.State.RemovedLanesServed ?? []).Where(d => d.Key >= yesterday).ToDictionary();
        foreach (var reading in removed.Select(id => _readings.GetValueOrDefault(id)).OfType<LaneReading>())
        {
            foreach (var (day, served) in reading.ServedByDay.Where(d => d.Key >= yesterday))
            {
                kept[day] = kept.GetValueOrDefault(day) + served;
            }
        }

        return kept.Count == 0 ? null : kept;
    }

    public Task<SiteConfig?> GetConfig() => Task.FromResult(IsUnknown() ? null : Config);

    public Task<SiteDetail?> GetDetail() => Task.FromResult(IsUnknown() ? null : Current());

    public Task<SiteDigest?> GetDigest() =>
        Task.FromResult(IsUnknown() ? null : Digest(Current(), clock.UtcNow));

    public async Task<ApplyOutcome> Apply(ImmutableArray<LaneEvent> events)
    {
        if (IsUnknown() || Config is not { } config)
        {
            return ApplyOutcome.NoSuchSite;
        }

        if (UnknownLanes(config, events) is { IsEmpty: false } unknown)
        {
            return new ApplyOutcome(true, 0, 0, unknown);
        }

        var now = clock.UtcNow;
        _recentIds.ForgetOlderThan(now);
        var fresh = Fresh(events);
        var byLane = ByLane(fresh);

        // The waits people joining in this batch were shown: only arrivals need them.
        var shown = fresh.Any(e => e.Type == LaneEventType.Arrived) ? Shown(now) : null;
        var applied = new Task<LaneReading>[byLane.Count];
        for (var i = 0; i < applied.Length; i++)
        {
            applied[i] = Lane(byLane[i].Lane).Apply(byLane[i].Events);
        }

        try
        {
            await (applied.Length == 1 ? applied[0] : (Task)Task.WhenAll(applied));
        }
        catch (Exception ex)
        {
            // Some lanes may have stored their share and others not. Those that did keep it, so the site's history takes
            // their flows too; the rest of this activation's picture and id set can no longer be trusted, so it goes, and
            // the next one rebuilds both from storage: a retry with the same ids then applies exactly what is missing
            // (events without ids cannot be told apart and may count twice).
            for (var i = 0; i < applied.Length; i++)
            {
                if (applied[i].IsCompletedSuccessfully)
                {
                    RecordStored(byLane[i].Events, now);
                }
            }

            logger.LogWarning("Site {Site}: a batch could not be stored ({Error}); rebuilding from storage", SiteId, ex.GetBaseException().Message);
            DeactivateOnIdle();
            return ApplyOutcome.Unavailable;
        }

        for (var i = 0; i < applied.Length; i++)
        {
            var share = byLane[i];
            _readings[share.Lane] = applied[i].Result;
            RecordStored(share.Events, now);
            foreach (var e in share.Events)
            {
                _accuracy.Observe(e, ShownWait(shown, e.Lane), now, accuracy.State);
            }
        }

        // A picture that shows this batch has a version of its own, so a lead's phone can tell it from one built before
        // (a push delayed on its way, a read answered mid-batch) and keep showing its taps until it comes.
        if (fresh.Length > 0)
        {
            _version++;
        }

        // History and the board hear of the change now; only the site's own push waits for its throttle.
        var picture = Current();
        history.State.SetLevel(now, picture.QueueLength, picture.WaitMinutes, OpenLanes());
        await PublishDigestAsync(picture, now);
        _throttle.Schedule();
        if (Week.IsBehind(now))
        {
            // Off this call: the batch is acknowledged once its lanes have stored it, not the week's history.
            _archiveSoon?.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }

        return new ApplyOutcome(true, fresh.Length, events.Length - fresh.Length, [], Version: _version);
    }

    // Apply runs for every lead post, most of them a single event: the helpers below loop where LINQ would allocate per call.

    /// <summary>The indexes of events naming a lane the site does not have.</summary>
    private static ImmutableArray<int> UnknownLanes(SiteConfig config, ImmutableArray<LaneEvent> events)
    {
        ImmutableArray<int>.Builder? unknown = null;
        for (var i = 0; i < events.Length; i++)
        {
            if (!HasLane(config, events[i].Lane))
            {
                (unknown ??= ImmutableArray.CreateBuilder<int>()).Add(i);
            }
        }

        return unknown?.ToImmutable() ?? [];
    }

    private static bool HasLane(SiteConfig config, string laneId)
    {
        foreach (var lane in config.Lanes)
        {
            if (lane.Id == laneId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The events to apply: an id accepted for this site in the last 24 hours, or earlier in this batch, is a duplicate
    /// whichever lane it names.
    /// </summary>
    private ImmutableArray<LaneEvent> Fresh(ImmutableArray<LaneEvent> events)
    {
        var batchIds = events.Length > 1 ? new HashSet<Guid>() : null;
        var fresh = ImmutableArray.CreateBuilder<LaneEvent>(events.Length);
        foreach (var e in events)
        {
            if (e.Id is not { } id || (!_recentIds.Contains(id) && (batchIds?.Add(id) ?? true)))
            {
                fresh.Add(e);
            }
        }

        return fresh.Count == events.Length ? events : fresh.ToImmutable();
    }

    /// <summary>Each lane's share of the events, lanes in the order the batch first names them.</summary>
    private static List<(string Lane, ImmutableArray<LaneEvent> Events)> ByLane(ImmutableArray<LaneEvent> events)
    {
        if (events.IsEmpty)
        {
            return [];
        }

        var first = events[0].Lane;
        foreach (var e in events)
        {
            if (e.Lane != first)
            {
                return [.. events.GroupBy(other => other.Lane).Select(g => (g.Key, g.ToImmutableArray()))];
            }
        }

        return [(first, events)];
    }

    private static int? ShownWait(SiteDetail? shown, string laneId)
    {
        foreach (var lane in shown?.Lanes ?? [])
        {
            if (lane.Id == laneId)
            {
                return lane.WaitMinutes;
            }
        }

        return null;
    }

    public Task<ImmutableArray<HistoryPoint>> GetHistory(int minutes)
    {
        if (IsUnknown())
        {
            return Task.FromResult(ImmutableArray<HistoryPoint>.Empty);
        }

        var now = clock.UtcNow;
        var points = history.State.Read(now, minutes);
        var current = Current();

        // The minute under way ends with the site as it is now.
        var last = points[^1] with { QueueLength = current.QueueLength, WaitMinutes = current.WaitMinutes };
        return Task.FromResult(points.SetItem(points.Length - 1, last));
    }

    public Task<WaitForecast?> GetForecast()
    {
        if (IsUnknown())
        {
            return Task.FromResult<WaitForecast?>(null);
        }

        var now = clock.UtcNow;
        var lastDay = history.State.Read(now, MinuteHistory.Capacity - 1);
        var site = Current();
        var forecast = forecaster.Forecast(Config!, lastDay, site.QueueLength, pictures.Paces(Config!, _readings), now, site.WaitMinutes);
        return Task.FromResult<WaitForecast?>(forecast);
    }

    public async Task<ImmutableArray<HistoryPoint>> GetDayHistory(DateOnly day) => (await GetDayRecord(day)).Minutes;

    public async Task<ImmutableArray<LaneHourOpen>> GetDayLanesOpen(DateOnly day) => (await GetDayRecord(day)).LanesOpen;

    public async Task<DayRecord> GetDayRecord(DateOnly day)
    {
        if (IsUnknown() || DaySpan(day) is not (var start, var end, var now))
        {
            return new DayRecord([], []);
        }

        // Minutes still in memory come from there (the minute under way ends as the site is now); older ones from storage.
        var recent = history.State.ReadLevels(now, MinuteHistory.Capacity - 1);
        var current = Current();
        recent = recent.SetItem(recent.Length - 1, recent[^1] with
        {
            Point = recent[^1].Point with { QueueLength = current.QueueLength, WaitMinutes = current.WaitMinutes },
        });
        return await Week.ReadDayAsync(start, end, now, recent, LanesByBit());
    }

    /// <summary>A local day's start and end, with now; null for a day not begun.</summary>
    private (DateTimeOffset Start, DateTimeOffset End, DateTimeOffset Now)? DaySpan(DateOnly day)
    {
        var now = clock.UtcNow;
        return clock.DaySpan(day, now) is var (start, end) ? (start, end, now) : null;
    }

    private List<string> LaneIds() => [.. Config!.Lanes.Select(l => l.Id)];

    private string?[] LanesByBit() => LaneSlots.ByBit(state.State.LaneSlots ?? []);

    /// <summary>The lanes their leads have open now, for the minutes each lane was open in the reports.</summary>
    private long OpenLanes() =>
        OpenLaneMinutes.Mask(LanesByBit(), id => _readings.GetValueOrDefault(id)?.Status == LaneStatus.Open);

    public async Task<HistoryPoint?> GetMinute(DateTimeOffset minute)
    {
        var now = clock.UtcNow;
        var start = DateTimeOffset.FromUnixTimeSeconds(MinuteHistory.MinuteOf(minute) * 60);
        if (IsUnknown() || start > now)
        {
            return null;
        }

        if (start >= now.AddMinutes(-(MinuteHistory.Capacity - 2)))
        {
            return history.State.Read(now, (int)((now - start).TotalMinutes) + 1)[0];
        }

        var hour = await Week.Hours.ReadAsync(HourArchive.HourOf(start));
        return hour[start.Minute];
    }

    public async Task<ImmutableArray<HistoryPoint>?> GetLaneDayHistory(string laneId, DateOnly day) =>
        IsUnknown() || !_readings.ContainsKey(laneId)
            ? null
            : await Lane(laneId).GetDayHistory(day);

    public async Task<ImmutableArray<HistoryPoint>> GetLaneHistory(string laneId, int minutes)
    {
        if (IsUnknown() || !_readings.TryGetValue(laneId, out var reading))
        {
            return [];
        }

        var points = await Lane(laneId).GetHistory(minutes);

        // The minute under way ends with the lane as the site sees it now. This call interleaves, so a set-up that removed
        // the lane may have run while its history was read: then the lane's own points are all there is.
        if (Config is null || Current().Lanes.FirstOrDefault(l => l.Id == laneId) is not { } lane)
        {
            return points;
        }

        return points.SetItem(points.Length - 1, points[^1] with { QueueLength = reading.QueueLength, WaitMinutes = lane.WaitMinutes });
    }

    public async Task<bool> AddLeadCode(string codeHash)
    {
        if (IsUnknown() || state.State.LeadCodeHashes.Count >= MaximumLeadCodes)
        {
            return false;
        }

        state.State.LeadCodeHashes.Add(codeHash);
        await state.WriteOrResetAsync(this);
        return true;
    }

    public async Task RevokeLeadCodes()
    {
        if (IsUnknown())
        {
            return;
        }

        state.State.LeadCodeHashes.Clear();
        await state.WriteOrResetAsync(this);
    }

    public Task<bool> IsLeadCode(string codeHash)
    {
        if (IsUnknown())
        {
            return Task.FromResult(false);
        }

        var candidate = Encoding.ASCII.GetBytes(codeHash);
        var match = false;
        foreach (var hash in state.State.LeadCodeHashes)
        {
            match |= CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), candidate);
        }

        return Task.FromResult(match);
    }

    /// <summary>Remembers a stored lane share's ids (for the duplicate check) and its flows (for the site's history).</summary>
    private void RecordStored(ImmutableArray<LaneEvent> events, DateTimeOffset now)
    {
        foreach (var e in events)
        {
            if (e.Id is { } id)
            {
                _recentIds.Add(new SeenEvent(id, now));
            }

            history.State.AddFlow(
                e.At,
                e.Type == LaneEventType.Arrived ? e.Count : 0,
                e.Type == LaneEventType.Served ? e.Count : 0,
                now);
        }
    }

    /// <summary>
    /// Keeps the week of minutes: stores every hour since the last pass from the minute history (the first pass after an
    /// activation covers the day it holds), and clears hours that have passed <see cref="HourArchive.KeptFor"/>. A failure is
    /// logged and retried on the next pass: the minutes are still in the minute history for a day.
    /// </summary>
    private async Task ArchiveHoursAsync()
    {
        try
        {
            await Week.PassAsync(history.State, LanesByBit(), clock.UtcNow);
        }
        catch (Exception ex)
        {
            logger.LogWarning("Site {Site}: its hours could not be stored ({Error}); trying again in a minute", SiteId, ex.GetBaseException().Message);
        }
    }

    /// <summary>Starts the timers of a configured site; a grain for an unknown id never gets any.</summary>
    private void StartRunning()
    {
        if (_running)
        {
            return;
        }

        _running = true;
        _throttle.Attach(this.RegisterGrainTimer(_ => FlushAsync(), Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        var refresh = options.Value.SiteRefreshInterval;
        this.RegisterGrainTimer(_ => FlushAsync(), refresh, refresh);
        this.RegisterGrainTimer(history.WriteIfDirtyAsync, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        this.RegisterGrainTimer(_ => ArchiveHoursAsync(), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        _archiveSoon = this.RegisterGrainTimer(_ => ArchiveHoursAsync(), Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        this.RegisterGrainTimer(accuracy.WriteIfDirtyAsync, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        // The district learns of the site after activation, never during it: the district may be the one activating us.
        _throttle.Schedule();
    }

    private SiteDetail Current()
    {
        var now = clock.UtcNow;
        _built = pictures.Build(SiteId, Config!, _readings, now, state.State.RemovedLanesServed) with { Version = _version, Accuracy = accuracy.State.For(clock.DayOf(now)) };
        _builtAt = now;
        return _built;
    }

    /// <summary>
    /// The picture as people see it now: the last one built when it is under a second old (every change of the readings
    /// builds one at once, so it is only time that can have moved on), else a new one. A busy site's arrivals would
    /// otherwise build the picture twice per batch.
    /// </summary>
    private SiteDetail Shown(DateTimeOffset now) =>
        _built is { } built && now >= _builtAt && now - _builtAt < TimeSpan.FromSeconds(1) ? built : Current();

    private SiteDigest Digest(SiteDetail detail, DateTimeOffset now) => new(
        detail.ToSummary(),
        detail.ServedToday,
        detail.ThroughputPerMinute,
        _alerts.Evaluate(detail, Config!.IsWithinHours(clock.MinuteOfDay(now)), now));

    /// <summary>Reads the lanes' state and recent ids from their grains (at activation, for new lanes, after a failure).</summary>
    private async Task ReadLanesAsync(IEnumerable<LaneConfig> lanes)
    {
        var grains = lanes.Select(l => (l.Id, Grain: Lane(l.Id))).ToList();
        var readings = await Task.WhenAll(grains.Select(l => l.Grain.GetReading()));
        var recentIds = await Task.WhenAll(grains.Select(l => l.Grain.GetRecentIds()));
        foreach (var ((id, _), reading) in grains.Zip(readings))
        {
            _readings[id] = reading;
            _accuracy.Start(id, reading.QueueLength);
        }

        foreach (var seen in recentIds.SelectMany(ids => ids).OrderBy(seen => seen.AcceptedAt))
        {
            _recentIds.Add(seen);
        }
    }

    /// <summary>
    /// Rebuilds the picture and pushes what changed. Runs on grain timers, so one flush at a time; a flush that comes too
    /// soon after the last push reschedules itself rather than pushing early.
    /// </summary>
    private async Task FlushAsync()
    {
        _throttle.FlushStarted();
        if (Config is null)
        {
            return;
        }

        var now = clock.UtcNow;
        var detail = Current();
        history.State.SetLevel(now, detail.QueueLength, detail.WaitMinutes, OpenLanes());
        await PublishDigestAsync(detail, now);

        if (detail.LooksSameAs(_lastPushed) || !_throttle.TryPush())
        {
            return;
        }

        _version++;
        detail = detail with { Version = _version };
        _lastPushed = detail;
        await publisher.SiteChanged(detail);
    }

    /// <summary>
    /// Tells the district the site's board row. A district that cannot be reached (its node just died) must not fail a
    /// batch that is already stored: the row is sent again on the next flush instead.
    /// </summary>
    private async Task PublishDigestAsync(SiteDetail detail, DateTimeOffset now)
    {
        var digest = Digest(detail, now);
        if (digest.LooksSameAs(_lastDigest))
        {
            return;
        }

        try
        {
            await relay.PublishAsync(digest);
            _lastDigest = digest;
        }
        catch (Exception ex)
        {
            logger.LogWarning("Site {Site}: the district could not be told ({Error}); telling it again on the next flush", SiteId, ex.GetBaseException().Message);
        }
    }

    public Task PushAgain()
    {
        // The next flush (at most SiteRefreshInterval away) sees a picture unlike the last pushed and pushes it.
        _lastPushed = null;
        return Task.CompletedTask;
    }

    /// <summary>Whether no site has this id; such a grain is not kept alive, so lookups of unknown ids cost nothing lasting.</summary>
    private bool IsUnknown()
    {
        if (Config is not null)
        {
            return false;
        }

        DeactivateOnIdle();
        return true;
    }
}
