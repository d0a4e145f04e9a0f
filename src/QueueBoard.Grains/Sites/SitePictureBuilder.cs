using System.Collections.Immutable;
using QueueBoard.Abstractions.Model;
using Microsoft.Extensions.Options;
using QueueBoard.Grains.Estimation;
using QueueBoard.Grains.Forecast;
using QueueBoard.Grains.Options;
using QueueBoard.Grains.Time;

namespace QueueBoard.Grains.Sites;

/// <summary>
/// Builds what every screen shows of a site at a given moment from its configuration and its lanes' latest readings:
/// lane waits, the site's best standard-lane wait and band, green-lane availability and today's totals.
/// </summary>
public sealed class SitePictureBuilder(WaitEstimator estimator, DistrictClock clock, IOptions<QueueGrainOptions> options)
{
    // Build runs for every lead post, most of them a single event: it loops where LINQ would allocate per call.
    public SiteDetail Build(
        string siteId, SiteConfig config, IReadOnlyDictionary<string, LaneReading> readings, DateTimeOffset now,
        IReadOnlyDictionary<DateOnly, int>? removedLanesServed = null)
    {
        var withinHours = config.IsWithinHours(clock.MinuteOfDay(now));
        var today = clock.DayOf(now);
        var siteBreaks = Spans(config.Breaks);
        var lanesRead = new List<(LaneConfig Config, LaneReading Reading)>(config.Lanes.Length);

        // From the lanes' own reports: a lane never reported on shows "now" on screens, which must not make its site look fresh.
        var lastUpdate = DateTimeOffset.MinValue;
        foreach (var lane in config.Lanes)
        {
            var reading = readings.GetValueOrDefault(lane.Id, LaneReading.Fresh);
            lanesRead.Add((lane, reading));
            lastUpdate = reading.UpdatedAt > lastUpdate ? reading.UpdatedAt : lastUpdate;
        }

        var pools = options.Value.PoolLanes ? Pools(lanesRead, withinHours) : null;
        var lanes = ImmutableArray.CreateBuilder<LaneView>(lanesRead.Count);
        foreach (var (laneConfig, reading) in lanesRead)
        {
            var breaks = laneConfig.Breaks.IsDefaultOrEmpty ? siteBreaks : [.. siteBreaks, .. Spans(laneConfig.Breaks)];
            lanes.Add(View(laneConfig, reading, withinHours, breaks, pools?.GetValueOrDefault(laneConfig.Kind), today, now));
        }

        LaneView? bestStandard = null, bestGreen = null;
        int openCount = 0, queueLength = 0, servedToday = removedLanesServed?.GetValueOrDefault(today) ?? 0;
        var greenOpen = false;
        var throughput = 0.0;
        foreach (var lane in lanes)
        {
            queueLength += lane.QueueLength;
            servedToday += lane.ServedToday;
            throughput += lane.ThroughputPerMinute;
            if (!withinHours || lane.Status != LaneStatus.Open)
            {
                continue;
            }

            openCount++;
            if (lane.Kind == LaneKind.Green)
            {
                greenOpen = true;
                bestGreen = Better(bestGreen, lane);
            }
            else if (lane.Kind == LaneKind.Standard)
            {
                bestStandard = Better(bestStandard, lane);
            }
        }

        var summary = new SiteSummary
        {
            Id = siteId,
            Name = config.Name,
            NameEn = config.NameEn,
            Area = config.Area,
            Latitude = config.Latitude,
            Longitude = config.Longitude,
            Open = openCount > 0,
            QueueLength = queueLength,
            WaitMinutes = bestStandard?.WaitMinutes,
            WaitMinutesLow = bestStandard?.WaitMinutesLow,
            WaitMinutesHigh = bestStandard?.WaitMinutesHigh,
            WaitBand = WaitBands.Of(bestStandard?.WaitMinutes),
            GreenLaneOpen = greenOpen,
            GreenWaitMinutes = bestGreen?.WaitMinutes,
            GreenWaitMinutesLow = bestGreen?.WaitMinutesLow,
            GreenWaitMinutesHigh = bestGreen?.WaitMinutesHigh,
            OpenLanes = openCount,
            TotalLanes = lanes.Count,
            UpdatedAt = lastUpdate == DateTimeOffset.MinValue ? now : lastUpdate,
            WithinHours = withinHours,
            NextOpening = withinHours ? null : OpeningTimes.Next(config, clock, now),
            Stale = openCount > 0 && lastUpdate != DateTimeOffset.MinValue
                && now - lastUpdate >= TimeSpan.FromMinutes(options.Value.SilentAfterMinutes),
        };

        return new SiteDetail(summary, lanes.MoveToImmutable(), servedToday, Math.Round(throughput, 1, MidpointRounding.AwayFromZero));
    }

    /// <summary>
    /// The lanes that will serve for the rest of the day as the forecast sees them: those open now or, when none is,
    /// every standard lane (a site before opening), each at its measured pace, with its planned breaks.
    /// </summary>
    public IReadOnlyList<LanePace> Paces(SiteConfig config, IReadOnlyDictionary<string, LaneReading> readings)
    {
        var lanes = config.Lanes.Select(lane => (Config: lane, Reading: readings.GetValueOrDefault(lane.Id, LaneReading.Fresh))).ToList();
        var serving = lanes.Where(l => l.Reading.Status == LaneStatus.Open).ToList();
        if (serving.Count == 0)
        {
            serving = [.. lanes.Where(l => l.Config.Kind == LaneKind.Standard)];
        }

        var siteBreaks = Spans(config.Breaks);
        return [.. serving.Select(l => new LanePace(estimator.ServicePerMinute(l.Reading), [.. siteBreaks, .. Spans(l.Config.Breaks)]))];
    }

    private LaneView View(
        LaneConfig lane, LaneReading reading, bool withinHours, OpenSpan[] breaks, LaneLoad? pool, DateOnly today, DateTimeOffset now)
    {
        ImmutableArray<PauseWindow> pauses = breaks.Length == 0 ? [] : PlannedPauses.Upcoming(breaks, now, clock);
        var wait = pool is not null && withinHours && reading.Status == LaneStatus.Open
            ? estimator.FromWork(pool.Ahead / pool.PerMinute, pool.Spread, pauses)
            : estimator.Estimate(reading, withinHours, pauses);
        return new()
        {
            Id = lane.Id,
            Name = lane.Name,
            Kind = lane.Kind,
            Status = reading.Status,
            QueueLength = reading.QueueLength,
            ThroughputPerMinute = wait.Minutes is null || reading.Status != LaneStatus.Open
                ? 0
                : Math.Round(estimator.ServicePerMinute(reading), 1, MidpointRounding.AwayFromZero),
            MeasuredPerMinute = ThroughputMeter.PerMinute(reading.Throughput, now),
            WaitMinutes = wait.Minutes,
            WaitMinutesLow = wait.Low,
            WaitMinutesHigh = wait.High,
            PauseAhead = wait.PauseAhead,
            ServedToday = reading.ServedOn(today),
            UpdatedAt = reading.UpdatedAt == DateTimeOffset.MinValue ? now : reading.UpdatedAt,
        };
    }

    /// <summary>
    /// The open lanes of each kind taken as one line, where there are two or more: people step across to the shortest
    /// line, so everyone joining waits for the people ahead in all of them at their combined pace. The lead's per-lane
    /// counts drift as people move unrecorded, but their sums stay right.
    /// </summary>
    private Dictionary<LaneKind, LaneLoad> Pools(List<(LaneConfig Config, LaneReading Reading)> lanes, bool withinHours)
    {
        var pools = new Dictionary<LaneKind, LaneLoad>();
        if (!withinHours)
        {
            return pools;
        }

        foreach (var kind in lanes.Where(l => l.Reading.Status == LaneStatus.Open).GroupBy(l => l.Config.Kind).Where(g => g.Count() > 1))
        {
            var loads = kind.Select(l => (Queue: l.Reading.QueueLength, Load: estimator.Load(l.Reading))).ToList();
            var ahead = loads.Sum(l => l.Load.Ahead);
            var spread = ahead > 0 ? loads.Sum(l => l.Load.Spread * l.Load.Ahead) / ahead : 0;

            // A newcomer walks straight up to an idle lane. Otherwise they wait for everyone waiting and then for the first
            // of the swabs under way to end, not for what is left of every one of them.
            var leftOfSwabs = loads.Where(l => l.Queue > 0).Select(l => l.Load.Ahead - (l.Queue - 1)).DefaultIfEmpty(0).Average();
            var waiting = loads.Any(l => l.Queue == 0) ? 0 : ahead - ((loads.Count - 1) * leftOfSwabs);
            pools[kind.Key] = new LaneLoad(waiting, loads.Sum(l => l.Load.PerMinute), spread);
        }

        return pools;
    }

    /// <summary>The lane a person walking in would join: the shortest wait, the first listed on a tie.</summary>
    private static LaneView? Better(LaneView? best, LaneView lane) =>
        lane.WaitMinutes is { } wait && (best?.WaitMinutes is not { } bestWait || wait < bestWait) ? lane : best;

    /// <summary>Configured spans; state stored before breaks existed reads as none.</summary>
    private static OpenSpan[] Spans(ImmutableArray<OpenSpan> spans) => spans.IsDefaultOrEmpty ? [] : [.. spans];
}
