using Microsoft.Extensions.Options;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Options;

namespace QueueBoard.Grains.Estimation;

/// <summary>
/// Turns a lane's reading into the wait of a person who joins now: the people ahead divided by the lane's service rate
/// (<see cref="ServiceRateEstimator"/>), rounded up to whole minutes. A closed or paused lane, or a site outside its
/// opening hours, has no wait. Used by the site grain each time it builds its picture.
/// </summary>
public sealed class WaitEstimator(TimeProvider time, IOptions<QueueGrainOptions> options)
{
    /// <summary>No wait is shown longer than a day: past that the number means nothing to anyone.</summary>
    public const int MaximumMinutes = 24 * 60;

    private readonly double _defaultServiceSeconds = options.Value.DefaultServiceSeconds;

    /// <summary>The wait in whole minutes now, or null when the lane has none.</summary>
    public int? WaitMinutes(LaneReading lane, bool withinHours)
    {
        if (!withinHours || lane.Status != LaneStatus.Open)
        {
            return null;
        }

        if (lane.QueueLength == 0)
        {
            return 0;
        }

        var perMinute = ServicePerMinute(lane);
        var minutes = Math.Ceiling(lane.QueueLength / perMinute);
        return (int)Math.Min(minutes, MaximumMinutes);
    }

    /// <summary>The lane's service rate in people per minute now.</summary>
    public double ServicePerMinute(LaneReading lane) =>
        ServiceRateEstimator.PerMinute(lane.Rate, time.GetUtcNow(), IsBusy(lane), _defaultServiceSeconds);

    /// <summary>Whether the service-rate clock runs for a lane: open, with people queued.</summary>
    public static bool IsBusy(LaneReading lane) => lane.Status == LaneStatus.Open && lane.QueueLength > 0;
}
