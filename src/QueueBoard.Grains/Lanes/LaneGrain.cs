using System.Collections.Immutable;
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
/// <see cref="LaneReading"/> back. Its minute history is written once a minute and on deactivation.
/// </summary>
public sealed class LaneGrain(
    [PersistentState("lane", GrainStorage.Name)] IPersistentState<LaneState> state,
    [PersistentState("lane-history", GrainStorage.Name)] IPersistentState<MinuteHistory> history,
    DistrictClock clock) : Grain, ILaneGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(history.WriteIfDirtyAsync, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        await history.WriteIfDirtyAsync(cancellationToken);

    public async Task<LaneReading> Apply(ImmutableArray<LaneEvent> events)
    {
        var now = clock.UtcNow;
        var lane = state.State;
        ForgetOldIds(now);

        // The rate clock covers the time since the last batch in the state the lane was in during that time.
        lane.Rate = ServiceRateEstimator.Advance(lane.Rate, now, WaitEstimator.IsBusy(lane.ToReading()));
        foreach (var e in events)
        {
            if (e.Id is { } id)
            {
                lane.Seen.Add(new SeenEvent(id, now));
            }

            ApplyOne(lane, e, now);
        }

        lane.UpdatedAt = now;
        ForgetOldDays(now);
        history.State.SetLevel(now, lane.QueueLength, null);
        await state.WriteOrResetAsync(this);
        return lane.ToReading();
    }

    public Task<LaneReading> GetReading() => Task.FromResult(state.State.ToReading());

    public Task<ImmutableArray<HistoryPoint>> GetHistory(int minutes) =>
        Task.FromResult(history.State.Read(clock.UtcNow, minutes));

    public Task<ImmutableArray<SeenEvent>> GetRecentIds()
    {
        ForgetOldIds(clock.UtcNow);
        return Task.FromResult(state.State.Seen.ToImmutableArray());
    }

    public async Task Retire()
    {
        await state.ClearStateAsync();
        await history.ClearStateAsync();
        history.State.IsDirty = false;
        DeactivateOnIdle();
    }

    private void ApplyOne(LaneState lane, LaneEvent e, DateTimeOffset now)
    {
        switch (e.Type)
        {
            case LaneEventType.Arrived:
                lane.QueueLength = Math.Min(LaneLimits.MaximumQueue, lane.QueueLength + e.Count);
                history.State.AddFlow(e.At, e.Count, 0, now);
                break;
            case LaneEventType.Served:
                lane.QueueLength = Math.Max(0, lane.QueueLength - e.Count);
                var day = clock.DayOf(e.At);
                lane.ServedByDay[day] = Math.Min(LaneLimits.MaximumServedPerDay, lane.ServedByDay.GetValueOrDefault(day) + e.Count);
                lane.Rate = ServiceRateEstimator.AddServed(lane.Rate, e.Count, now - e.At);
                lane.Throughput = ThroughputMeter.AddServed(lane.Throughput, e.Count, e.At, now);
                history.State.AddFlow(e.At, 0, e.Count, now);
                break;
            case LaneEventType.Queue:
                lane.QueueLength = Math.Min(LaneLimits.MaximumQueue, e.Count);
                break;
            case LaneEventType.Status:
                lane.Status = e.Status ?? lane.Status;
                break;
        }
    }

    /// <summary>Keeps yesterday (reports around midnight) and anything later; older days live on in the history.</summary>
    private void ForgetOldDays(DateTimeOffset now)
    {
        var yesterday = clock.DayOf(now).AddDays(-1);
        foreach (var day in state.State.ServedByDay.Keys.Where(d => d < yesterday).ToList())
        {
            state.State.ServedByDay.Remove(day);
        }
    }

    private void ForgetOldIds(DateTimeOffset now)
    {
        var seen = state.State.Seen;
        var expired = 0;
        while (expired < seen.Count && now - seen[expired].AcceptedAt > Sites.RecentIds.KeptFor)
        {
            expired++;
        }

        if (expired > 0)
        {
            seen.RemoveRange(0, expired);
        }
    }
}
