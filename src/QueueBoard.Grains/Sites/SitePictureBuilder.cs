using System.Collections.Immutable;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Estimation;
using QueueBoard.Grains.Time;

namespace QueueBoard.Grains.Sites;

/// <summary>
/// Builds what every screen shows of a site at a given moment from its configuration and its lanes' latest readings:
/// lane waits, the site's best standard-lane wait and band, green-lane availability and today's totals.
/// </summary>
public sealed class SitePictureBuilder(WaitEstimator estimator, DistrictClock clock)
{
    public SiteDetail Build(string siteId, SiteConfig config, IReadOnlyDictionary<string, LaneReading> readings, DateTimeOffset now)
    {
        var withinHours = config.IsWithinHours(clock.MinuteOfDay(now));
        var today = clock.DayOf(now);
        var lanes = config.Lanes.Select(lane => View(lane, readings.GetValueOrDefault(lane.Id, LaneReading.Fresh), withinHours, today, now))
            .ToImmutableArray();

        var open = lanes.Where(l => withinHours && l.Status == LaneStatus.Open).ToList();
        var bestStandard = MinWait(open.Where(l => l.Kind == LaneKind.Standard));
        var lastUpdate = lanes.Select(l => l.UpdatedAt).DefaultIfEmpty(DateTimeOffset.MinValue).Max();

        var summary = new SiteSummary
        {
            Id = siteId,
            Name = config.Name,
            NameEn = config.NameEn,
            Area = config.Area,
            Latitude = config.Latitude,
            Longitude = config.Longitude,
            Open = open.Count > 0,
            QueueLength = lanes.Sum(l => l.QueueLength),
            WaitMinutes = bestStandard,
            WaitBand = WaitBands.Of(bestStandard),
            GreenLaneOpen = open.Any(l => l.Kind == LaneKind.Green),
            GreenWaitMinutes = MinWait(open.Where(l => l.Kind == LaneKind.Green)),
            OpenLanes = open.Count,
            TotalLanes = lanes.Length,
            UpdatedAt = lastUpdate == DateTimeOffset.MinValue ? now : lastUpdate,
        };

        return new SiteDetail(
            summary,
            lanes,
            lanes.Sum(l => l.ServedToday),
            Math.Round(lanes.Sum(l => l.ThroughputPerMinute), 1, MidpointRounding.AwayFromZero));
    }

    private LaneView View(LaneConfig lane, LaneReading reading, bool withinHours, DateOnly today, DateTimeOffset now) => new()
    {
        Id = lane.Id,
        Name = lane.Name,
        Kind = lane.Kind,
        Status = reading.Status,
        QueueLength = reading.QueueLength,
        ThroughputPerMinute = ThroughputMeter.PerMinute(reading.Throughput, now),
        WaitMinutes = estimator.WaitMinutes(reading, withinHours),
        ServedToday = reading.ServedOn(today),
        UpdatedAt = reading.UpdatedAt == DateTimeOffset.MinValue ? now : reading.UpdatedAt,
    };

    private static int? MinWait(IEnumerable<LaneView> lanes) =>
        lanes.Select(l => l.WaitMinutes).Where(w => w is not null).DefaultIfEmpty(null).Min();
}
