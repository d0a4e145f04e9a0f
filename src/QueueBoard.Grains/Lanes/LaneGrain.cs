using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Placement;
using Orleans.Storage;
using QueueBoard.Abstractions.Grains;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Estimation;
using QueueBoard.Grains.History;
using QueueBoard.Grains.Persistence;
using QueueBoard.Grains.Time;

namespace QueueBoard.Grains.Lanes;

/// <summary>
/// One lane (<see cref="ILaneGrain"/>): applies its share of each batch from the site grain (duplicates already dropped
/// there), writes its hot state with the batch's event ids before answering (a 200 means durable), and reports a
/// <see cref="LaneReading"/> back. The hot state holds only the most recent ids; older ones are moved aside into
/// <see cref="LaneIdArchive"/> chunks, so the per-batch write stays small however long the day runs. Its minute history is
/// written once a minute and on deactivation, and only ever holds batches whose hot write succeeded.
/// </summary>
[PreferLocalPlacement]
public sealed class LaneGrain(
    [PersistentState(LaneState.StateName, GrainStorage.Name)] IPersistentState<LaneState> state,
    [PersistentState("lane-history", GrainStorage.Name)] IPersistentState<MinuteHistory> history,
    DistrictClock clock) : Grain, ILaneGrain
{
    /// <summary>How often chunks of ids older than 24 hours are dropped; the first pass comes a minute after activation.</summary>
    public static readonly TimeSpan ExpiryInterval = TimeSpan.FromHours(1);

    /// <summary>How many chunks are read from storage at once when a site gathers a lane's ids.</summary>
    public const int ChunkReadsAtOnce = 64;

    private LaneIdArchive? _archive;
    private WeekArchive? _week;
    private IGrainTimer? _archiveSoon;

    private LaneIdArchive Archive => _archive ??= new LaneIdArchive(ServiceProvider, this.GetPrimaryKeyString());

    private WeekArchive Week => _week ??= new WeekArchive(new HourArchive(ServiceProvider, this.GetPrimaryKeyString(), "lane"));

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(history.WriteIfDirtyAsync, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        this.RegisterGrainTimer(_ => ArchiveHoursAsync(), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        _archiveSoon = this.RegisterGrainTimer(_ => ArchiveHoursAsync(), Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        // Soon after activation too: a lane whose activations are short-lived must still drop its old chunks.
        this.RegisterGrainTimer(_ => ForgetOldChunksAsync(), TimeSpan.FromMinutes(1), ExpiryInterval);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // The hours first: the pass notes in the minute history which hours storage holds, for the next activation.
        await ArchiveHoursAsync();
        await history.WriteIfDirtyAsync(cancellationToken);
    }

    public async Task<LaneReading> Apply(ImmutableArray<LaneEvent> events)
    {
        var now = clock.UtcNow;
        var lane = state.State;

        // The rate clock covers the time since the last batch in the state the lane was in during that time.
        var wasBusy = WaitEstimator.IsBusy(lane.ToReading());
        var busySeconds = wasBusy && lane.Rate.AsOf != DateTimeOffset.MinValue ? Math.Max(0, (now - lane.Rate.AsOf).TotalSeconds) : 0;
        lane.Rate = ServiceRateEstimator.Advance(lane.Rate, now, wasBusy);
        foreach (var e in events)
        {
            ApplyOne(lane, e, now);
        }

        lane.Spread = ServiceSpreadEstimator.Record(
            lane.Spread, busySeconds, events.Where(e => e.Type == LaneEventType.Served).Sum(e => e.Count));

        lane.UpdatedAt = now;
        ForgetOldDays(now);
        try
        {
            await RecordIdsAsync(lane, events, now);
            await state.WriteStateAsync();
        }
        catch
        {
            // Memory ran ahead of storage: drop this activation so that the next call starts from what storage holds.
            DeactivateOnIdle();
            throw;
        }

        // History follows storage: a batch whose hot write failed never reaches it.
        foreach (var e in events)
        {
            history.State.AddFlow(
                e.At,
                e.Type == LaneEventType.Arrived ? e.Count : 0,
                e.Type == LaneEventType.Served ? e.Count : 0,
                now);
        }

        history.State.SetLevel(now, lane.QueueLength, null);
        if (Week.IsBehind(now))
        {
            // Off this call: the batch is acknowledged once stored, not once the week's history is.
            _archiveSoon?.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }

        return lane.ToReading();
    }

    public Task<LaneReading> GetReading() => Task.FromResult(state.State.ToReading());

    public Task<ImmutableArray<HistoryPoint>> GetHistory(int minutes) =>
        Task.FromResult(history.State.Read(clock.UtcNow, minutes));

    public async Task<ImmutableArray<HistoryPoint>> GetDayHistory(DateOnly day)
    {
        var now = clock.UtcNow;
        return clock.DaySpan(day, now) is var (start, end)
            ? (await Week.ReadDayAsync(start, end, now, history.State.ReadLevels(now, MinuteHistory.Capacity - 1), [])).Minutes
            : [];
    }

    public async Task<ImmutableArray<SeenEvent>> GetRecentIds()
    {
        var lane = state.State;
        var cutoff = clock.UtcNow - Sites.RecentIds.KeptFor;
        var ids = new List<SeenEvent>();
        foreach (var numbers in LiveChunks(lane).Chunk(ChunkReadsAtOnce))
        {
            foreach (var chunk in await Task.WhenAll(numbers.Select(Archive.ReadAsync)))
            {
                ids.AddRange(chunk.Seen().Where(seen => seen.AcceptedAt >= cutoff));
            }
        }

        ids.AddRange(lane.RecentIds.Where(seen => seen.AcceptedAt >= cutoff));
        return [.. ids];
    }

    public async Task Retire()
    {
        foreach (var number in LiveChunks(state.State))
        {
            await Archive.ClearAsync(number);
        }

        await state.ClearStateAsync();
        await history.ClearStateAsync();
        history.State.IsDirty = false;
        DeactivateOnIdle();
    }

    /// <summary>
    /// Keeps the lane's week of minutes (<see cref="WeekArchive"/>). A failure waits for the next pass: the minutes are
    /// still in the minute history for a day.
    /// </summary>
    private async Task ArchiveHoursAsync()
    {
        // A lane only read (never given an event) has no minutes to keep.
        if (!state.RecordExists)
        {
            return;
        }

        try
        {
            await Week.PassAsync(history.State, [], clock.UtcNow);
        }
        catch (Exception)
        {
            // Storage is away; the next pass (a minute from now, or the next activation's) writes the same hours.
        }
    }

    private static IEnumerable<long> LiveChunks(LaneState lane)
    {
        for (var number = lane.FirstChunk; number < lane.NextChunk; number++)
        {
            yield return number;
        }
    }

    /// <summary>
    /// Adds the batch's ids to the hot state, or, when that would pass <see cref="LaneState.RecentIdLimit"/>, moves them
    /// with the recent ones into the next chunk. The chunk is written before the hot state: until that write succeeds the
    /// lane does not count the chunk as live, so a failure in between leaves neither counts nor ids applied.
    /// </summary>
    private async Task RecordIdsAsync(LaneState lane, ImmutableArray<LaneEvent> events, DateTimeOffset now)
    {
        var ids = events.Where(e => e.Id is not null).Select(e => new SeenEvent(e.Id!.Value, now)).ToList();
        if (lane.RecentIds.Count + ids.Count <= LaneState.RecentIdLimit)
        {
            lane.RecentIds.AddRange(ids);
            return;
        }

        await Archive.WriteAsync(lane.NextChunk, LaneIdChunk.Pack([.. lane.RecentIds, .. ids]), StoredStateIsOursAsync);
        lane.RecentIds.Clear();
        lane.NextChunk++;
    }

    /// <summary>Whether the lane state in storage is still the version this activation last read or wrote.</summary>
    private async Task<bool> StoredStateIsOursAsync()
    {
        var stored = new GrainState<LaneState>();
        await ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name).ReadStateAsync(LaneState.StateName, this.GetGrainId(), stored);
        return stored.ETag == state.Etag;
    }

    /// <summary>
    /// Drops chunks whose newest id is more than 24 hours old. Each is cleared before the lane stops counting it, so a
    /// failure in between leaves an empty live chunk, which the next pass drops, rather than a key nothing points at.
    /// </summary>
    private async Task ForgetOldChunksAsync()
    {
        var lane = state.State;
        var cutoff = clock.UtcNow - Sites.RecentIds.KeptFor;
        var first = lane.FirstChunk;
        while (first < lane.NextChunk)
        {
            var chunk = await Archive.ReadAsync(first);
            if (chunk.NewestAcceptedAt >= cutoff)
            {
                break;
            }

            await Archive.ClearAsync(first);
            first++;
        }

        if (first != lane.FirstChunk)
        {
            lane.FirstChunk = first;
            await state.WriteOrResetAsync(this);
        }
    }

    private void ApplyOne(LaneState lane, LaneEvent e, DateTimeOffset now)
    {
        switch (e.Type)
        {
            case LaneEventType.Arrived:
                lane.QueueLength = Math.Min(LaneLimits.MaximumQueue, lane.QueueLength + e.Count);
                break;
            case LaneEventType.Served:
                lane.QueueLength = Math.Max(0, lane.QueueLength - e.Count);
                var day = clock.DayOf(e.At);
                lane.ServedByDay[day] = Math.Min(LaneLimits.MaximumServedPerDay, lane.ServedByDay.GetValueOrDefault(day) + e.Count);
                lane.Rate = ServiceRateEstimator.AddServed(lane.Rate, e.Count, now - e.At);
                lane.Throughput = ThroughputMeter.AddServed(lane.Throughput, e.Count, e.At, now);
                break;
            // A head count or a decision made well before the one held arrived late (a phone back online): the newer
            // stands. Within a minute of it, arrival order decides, as phones' clocks differ by seconds.
            case LaneEventType.Queue when !IsSuperseded(e, lane.QueueSetAt, now):
                lane.QueueLength = Math.Min(LaneLimits.MaximumQueue, e.Count);
                lane.QueueSetAt = Latest(lane.QueueSetAt, e, now);
                break;
            case LaneEventType.Status when !IsSuperseded(e, lane.StatusSetAt, now):
                lane.Status = e.Status ?? lane.Status;
                lane.StatusSetAt = Latest(lane.StatusSetAt, e, now);
                break;
        }
    }

    /// <summary>How much older than the decision held a late one must be to be set aside rather than applied.</summary>
    public static readonly TimeSpan LateBy = TimeSpan.FromMinutes(1);

    private static bool IsSuperseded(LaneEvent e, DateTimeOffset held, DateTimeOffset now) => held - Decided(e, now) > LateBy;

    private static DateTimeOffset Latest(DateTimeOffset held, LaneEvent e, DateTimeOffset now) =>
        Decided(e, now) > held ? Decided(e, now) : held;

    // One dated ahead (a device clock fast by up to the API's two minutes) counts as made when it arrives, so that it does
    // not outrank the decisions that follow it in those minutes.
    private static DateTimeOffset Decided(LaneEvent e, DateTimeOffset now) => e.At > now ? now : e.At;

    /// <summary>Keeps yesterday (reports around midnight) and anything later; older days live on in the history.</summary>
    private void ForgetOldDays(DateTimeOffset now)
    {
        var yesterday = clock.DayOf(now).AddDays(-1);
        foreach (var day in state.State.ServedByDay.Keys.Where(d => d < yesterday).ToList())
        {
            state.State.ServedByDay.Remove(day);
        }
    }
}
