using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Time;

namespace QueueBoard.Grains.Accuracy;

/// <summary>
/// Measures, inside a site grain, how right its posted waits were: every applied event moves its lane's
/// <see cref="LaneCurve"/>, arrivals carry the wait the lane posted just before, and each serve settles the people it
/// reaches into the day's <see cref="WaitAccuracyDay"/>. Taps that arrive late (a phone's outbox) move the curves but are
/// not measured: nobody knows what was posted when those people joined.
/// </summary>
public sealed class WaitAccuracyTracker(DistrictClock clock)
{
    /// <summary>An arrival reported later than this is counted but not measured.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(2);

    private readonly Dictionary<string, LaneCurve> _lanes = [];

    /// <summary>Starts a lane's curves with the people already queued, whom nobody measures.</summary>
    public void Start(string laneId, int queueLength) => _lanes[laneId] = new LaneCurve(queueLength);

    public void Forget(string laneId) => _lanes.Remove(laneId);

    /// <summary>Moves a lane's curves by one applied event; <paramref name="postedMinutes"/> is the lane's wait before its batch.</summary>
    public void Observe(LaneEvent e, int? postedMinutes, DateTimeOffset now, WaitAccuracyDay day)
    {
        if (!_lanes.TryGetValue(e.Lane, out var curve))
        {
            return;
        }

        switch (e.Type)
        {
            case LaneEventType.Arrived:
                curve.Arrived(e.Count, now - e.At <= LateAfter ? postedMinutes : null, e.At);
                break;
            case LaneEventType.Served:
                var served = clock.DayOf(e.At);
                curve.Served(e.Count, e.At, (people, error) => day.Add(served, people, error));
                break;
            case LaneEventType.Queue:
                curve.Counted(e.Count);
                break;
        }
    }
}
