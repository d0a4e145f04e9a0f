using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Options;

namespace QueueBoard.Grains.Estimation;

/// <summary>
/// Turns a lane's reading into the wait of a person who joins now: the people ahead divided by the lane's service rate
/// (<see cref="ServiceRateEstimator"/>), stretched by any planned pause it runs into (<see cref="PlannedPauses"/>), rounded
/// to whole minutes, with a likely range from the lane's service-time spread (<see cref="ServiceSpreadEstimator"/>).
/// A closed or paused lane, or a site outside its opening hours, has no wait. Used by the site grain each time it builds
/// its picture. Method and measured accuracy: docs/ESTIMATION.md.
/// </summary>
public sealed class WaitEstimator(TimeProvider time, IOptions<QueueGrainOptions> options)
{
    /// <summary>No wait is shown longer than a day: past that the number means nothing to anyone.</summary>
    public const int MaximumMinutes = 24 * 60;

    /// <summary>How many standard deviations either side the range spans: about 8 in 10 waits fall inside when the model holds.</summary>
    public const double RangeDeviations = 1.28;

    /// <summary>
    /// The relative error that stays however much is known: swabbers speed up and tire, people leave the line, taps are
    /// missed. Measured by the accuracy harness (tests/QueueBoard.Accuracy).
    /// </summary>
    public const double ModelError = 0.08;

    private readonly double _defaultServiceSeconds = options.Value.DefaultServiceSeconds;

    /// <summary>The wait in whole minutes now, or null when the lane has none.</summary>
    public int? WaitMinutes(LaneReading lane, bool withinHours) => Estimate(lane, withinHours, []).Minutes;

    /// <summary>The wait, its range and the pause it includes, for a person joining the lane now.</summary>
    public WaitEstimate Estimate(LaneReading lane, bool withinHours, ImmutableArray<PauseWindow> pauses)
    {
        if (!withinHours || lane.Status != LaneStatus.Open)
        {
            return WaitEstimate.None;
        }

        if (lane.QueueLength == 0)
        {
            return WaitEstimate.Zero;
        }

        var load = Load(lane);
        return FromWork(load.Ahead / load.PerMinute, load.Spread, pauses);
    }

    /// <summary>
    /// What stands between a person joining an open lane and their swab: the people ahead (the one being swabbed counting
    /// for what is likely left of theirs), the lane's pace, and the relative spread of the result.
    /// </summary>
    public LaneLoad Load(LaneReading lane)
    {
        if (lane.QueueLength == 0)
        {
            return new LaneLoad(0, ServicePerMinute(lane), 0);
        }

        var dispersion = ServiceSpreadEstimator.Dispersion(lane.Spread);

        // The person being swabbed is part way through: on average (1 + cs²)/2 of a service is left of theirs.
        var ahead = lane.QueueLength - 1 + ((1 + dispersion) / 2);
        return new LaneLoad(ahead, ServicePerMinute(lane), RelativeSpread(lane, dispersion));
    }

    /// <summary>The wait and its range for <paramref name="work"/> minutes of serving, stretched by planned pauses.</summary>
    public WaitEstimate FromWork(double work, double spread, ImmutableArray<PauseWindow> pauses)
    {
        if (work <= 0)
        {
            return WaitEstimate.Zero;
        }

        var now = time.GetUtcNow();
        var (minutes, pause) = PlannedPauses.Stretch(work, now, pauses);
        var (low, _) = PlannedPauses.Stretch(work * Math.Max(0, 1 - (RangeDeviations * spread)), now, pauses);
        var (high, _) = PlannedPauses.Stretch(work * (1 + (RangeDeviations * spread)), now, pauses);

        // To the nearest minute: a wait always rounded up is half a minute long on average, which short waits notice.
        var wait = Whole(Math.Round(minutes, MidpointRounding.AwayFromZero));
        return new WaitEstimate(wait, Math.Min(wait, Whole(Math.Floor(low))), Math.Max(wait, Whole(Math.Ceiling(high))), pause);
    }

    /// <summary>The lane's service rate in people per minute now.</summary>
    public double ServicePerMinute(LaneReading lane) =>
        ServiceRateEstimator.PerMinute(lane.Rate, time.GetUtcNow(), IsBusy(lane), _defaultServiceSeconds);

    /// <summary>Whether the service-rate clock runs for a lane: open, with people queued.</summary>
    public static bool IsBusy(LaneReading lane) => lane.Status == LaneStatus.Open && lane.QueueLength > 0;

    /// <summary>
    /// The relative standard deviation of a wait: the sum of the services of everyone ahead (spread shrinking with their
    /// number), the uncertainty of the rate itself (shrinking with the serves it rests on), and <see cref="ModelError"/>.
    /// </summary>
    private static double RelativeSpread(LaneReading lane, double dispersion)
    {
        var evidence = Math.Max(lane.Rate.WeightedServed, 4);
        return Math.Sqrt((dispersion / lane.QueueLength) + (dispersion / evidence) + (ModelError * ModelError));
    }

    private static int Whole(double minutes) => (int)Math.Clamp(minutes, 0, MaximumMinutes);
}
