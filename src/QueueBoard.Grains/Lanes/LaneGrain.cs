using System.Collections.Immutable;
using QueueBoard.Abstractions.Grains;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Estimation;
using QueueBoard.Grains.History;
using QueueBoard.Grains.Time;

namespace QueueBoard.Grains.Lanes;

/// <summary>
/// One lane (<see cref="ILaneGrain"/>): applies its share of each batch from the site grain, writes its hot state before
/// answering (a 200 means durable), and reports a <see cref="LaneReading"/> back. Its minute history is written once a
/// minute and on deactivation.
/// </summary>
public sealed class LaneGrain(
    [PersistentState("lane", GrainStorage.Name)] IPersistentState<LaneState> state,
    [PersistentState("lane-history", GrainStorage.Name)] IPersistentState<MinuteHistory> history,
    DistrictClock clock) : Grain, ILaneGrain
{
    private static readonly TimeSpan SeenFor = TimeSpan.FromHours(24);
    private readonly HashSet<Guid> _seen = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var seen in state.State.Seen)
        {
            _seen.Add(seen.Id);
        }

        this.RegisterGrainTimer(WriteHistoryAsync, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        await WriteHistoryAsync(cancellationToken);

    public async Task<LaneApplyResult> Apply(ImmutableArray<LaneEvent> events)
    {
        var now = clock.UtcNow;
        var lane = state.State;
        ForgetOldIds(now);

        // The rate clock covers the time since the last batch in the state the lane was in during that time.
        lane.Rate = ServiceRateEstimator.Advance(lane.Rate, now, WaitEstimator.IsBusy(lane.ToReading()));

        var applied = ImmutableArray.CreateBuilder<bool>(events.Length);
        foreach (var e in events)
        {
            if (e.Id is { } id && !_seen.Add(id))
            {
                applied.Add(false);
                continue;
            }

            if (e.Id is { } newId)
            {
                lane.Seen.Add(new SeenEvent(newId, now));
            }

            ApplyOne(lane, e, now);
            applied.Add(true);
        }

        lane.UpdatedAt = now;
        history.State.SetLevel(now, lane.QueueLength, null);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Memory now runs ahead of storage; start again from what storage holds.
            DeactivateOnIdle();
            throw;
        }

        return new LaneApplyResult(applied.MoveToImmutable(), lane.ToReading());
    }

    public Task<LaneReading> GetReading() => Task.FromResult(state.State.ToReading());

    public async Task Retire()
    {
        await state.ClearStateAsync();
        await history.ClearStateAsync();
        _seen.Clear();
        history.State.IsDirty = false;
        DeactivateOnIdle();
    }

    private void ApplyOne(LaneState lane, LaneEvent e, DateTimeOffset now)
    {
        switch (e.Type)
        {
            case LaneEventType.Arrived:
                lane.QueueLength += e.Count;
                history.State.AddFlow(e.At, e.Count, 0, now);
                break;
            case LaneEventType.Served:
                lane.QueueLength = Math.Max(0, lane.QueueLength - e.Count);
                CountServedToday(lane, e);
                lane.Rate = ServiceRateEstimator.AddServed(lane.Rate, e.Count);
                lane.Throughput = ThroughputMeter.AddServed(lane.Throughput, e.Count, now);
                history.State.AddFlow(e.At, 0, e.Count, now);
                break;
            case LaneEventType.Queue:
                lane.QueueLength = e.Count;
                break;
            case LaneEventType.Status:
                lane.Status = e.Status ?? lane.Status;
                break;
        }
    }

    /// <summary>A serve counts towards the district day it happened on; one from an earlier day than the lane's is not today's.</summary>
    private void CountServedToday(LaneState lane, LaneEvent e)
    {
        var day = clock.DayOf(e.At);
        if (day > lane.ServedDay)
        {
            lane.ServedDay = day;
            lane.ServedToday = 0;
        }

        if (day == lane.ServedDay)
        {
            lane.ServedToday += e.Count;
        }
    }

    private void ForgetOldIds(DateTimeOffset now)
    {
        var seen = state.State.Seen;
        var expired = 0;
        while (expired < seen.Count && now - seen[expired].AcceptedAt > SeenFor)
        {
            _seen.Remove(seen[expired].Id);
            expired++;
        }

        if (expired > 0)
        {
            seen.RemoveRange(0, expired);
        }
    }

    private async Task WriteHistoryAsync(CancellationToken cancellationToken)
    {
        if (!history.State.IsDirty)
        {
            return;
        }

        history.State.IsDirty = false;
        await history.WriteStateAsync(cancellationToken);
    }
}
