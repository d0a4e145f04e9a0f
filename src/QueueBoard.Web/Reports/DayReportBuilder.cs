using System.Collections.Immutable;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Time;

namespace QueueBoard.Web.Reports;

/// <summary>
/// Turns sites' stored minutes and lanes' minutes open into <see cref="SiteDayReport"/>s, hour by hour in the district's
/// time: people arrived and served, the longest queue, the mean and longest posted wait, and lane-minutes open.
/// </summary>
public sealed class DayReportBuilder(DistrictClock clock)
{
    /// <summary>The district total's id in reports.</summary>
    public const string DistrictId = "district";

    public SiteDayReport Site(SiteDay day)
    {
        var lanesOpen = day.LanesOpen;
        var minutesByLane = lanesOpen.GroupBy(l => l.LaneId).ToDictionary(g => g.Key, g => g.Sum(l => l.Minutes));
        var configured = day.Config?.Lanes ?? [];
        var lanes = configured
            .Select(l => new ReportLane(l.Id, l.Name, l.Kind, minutesByLane.GetValueOrDefault(l.Id)))
            .Concat(minutesByLane.Keys.Where(id => configured.All(l => l.Id != id)).Order(StringComparer.Ordinal)
                .Select(id => new ReportLane(id, id, LaneKind.Standard, minutesByLane[id])));
        var openByHour = lanesOpen.GroupBy(l => Hour(l.Hour)).ToDictionary(g => g.Key, g => g.Sum(l => l.Minutes));
        return Report(day.SiteId, day.Config?.Name ?? day.SiteId, day.Config?.NameEn, day.Minutes, openByHour, [.. lanes]) with
        {
            LaneHours = lanesOpen,
        };
    }

    public DayReport District(DateOnly date, ImmutableArray<SiteDayReport> sites, ImmutableArray<HistoryPoint> total)
    {
        var openByHour = sites.SelectMany(s => s.Hours ?? []).GroupBy(h => h.Hour).ToDictionary(g => g.Key, g => g.Sum(h => h.LaneMinutesOpen));
        var district = Report(DistrictId, "全区合计", "District total", total, openByHour, []);
        return new DayReport(date, clock.ZoneId, district, sites);
    }

    private SiteDayReport Report(
        string id, string name, string? nameEn, ImmutableArray<HistoryPoint> minutes, Dictionary<int, int> openByHour, ImmutableArray<ReportLane> lanes)
    {
        var hours = minutes.GroupBy(p => Hour(p.Minute)).OrderBy(g => g.Key)
            .Select(g =>
            {
                var waits = Waits(g);
                return new ReportHour(g.Key, Counts.Sum(g, p => p.Arrived), Counts.Sum(g, p => p.Served), g.Max(p => p.QueueLength), Mean(waits), Longest(waits), openByHour.GetValueOrDefault(g.Key));
            })
            .ToImmutableArray();
        var all = Waits(minutes);
        return new SiteDayReport(
            id,
            name,
            nameEn,
            Counts.Sum(minutes, p => p.Arrived),
            Counts.Sum(minutes, p => p.Served),
            minutes.IsEmpty ? 0 : minutes.Max(p => p.QueueLength),
            Mean(all),
            Longest(all),
            openByHour.Values.Sum(),
            hours,
            lanes);
    }

    /// <summary>The local hour of an instant; a stored lane hour (a UTC hour) counts in the local hour it starts in.</summary>
    public int Hour(DateTimeOffset instant) => clock.MinuteOfDay(instant) / 60;

    private static List<int> Waits(IEnumerable<HistoryPoint> minutes) =>
        [.. minutes.Where(p => p.WaitMinutes is not null).Select(p => p.WaitMinutes!.Value)];

    private static double? Mean(List<int> waits) => waits.Count == 0 ? null : Math.Round(waits.Average(), 1);

    private static int? Longest(List<int> waits) => waits.Count == 0 ? null : waits.Max();
}
