using System.Collections.Immutable;
using Microsoft.Extensions.Time.Testing;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Options;
using QueueBoard.Grains.Time;
using QueueBoard.Web.History;
using QueueBoard.Web.Reports;
using QueueBoard.Web.Validation;

namespace QueueBoard.Web.Tests;

/// <summary>
/// A lead may post a thousand events of a thousand arrivals ten times a second, so a site's minute can hold the most an int
/// can. The district's history and the day reports add such minutes up over sites and hours; they must show the most an
/// int can, not throw (a 500 on a public read) or wrap to a negative count.
/// </summary>
public sealed class CountSumTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 2, 30, 0, TimeSpan.Zero);

    private readonly DistrictClock _clock = new(new FakeTimeProvider(Now), Microsoft.Extensions.Options.Options.Create(new QueueGrainOptions()));

    [Fact]
    public void The_district_minute_of_two_full_sites_is_the_most_an_int_can_hold()
    {
        var minute = new DateTimeOffset(Now.Year, Now.Month, Now.Day, Now.Hour, Now.Minute, 0, TimeSpan.Zero);
        ImmutableArray<HistoryPoint> full = [new HistoryPoint(minute, int.MaxValue, int.MaxValue, LaneLimits.MaximumQueue, 30)];

        var district = new DistrictHistory(null!, _clock).Sum(new HistoryRequest(1, null), [("a", full), ("b", full)]);

        Assert.Equal((int.MaxValue, int.MaxValue, 2 * LaneLimits.MaximumQueue), (district[0].Arrived, district[0].Served, district[0].QueueLength));
    }

    [Fact]
    public void A_day_report_of_full_minutes_totals_the_most_an_int_can_hold()
    {
        var start = Now.AddMinutes(-30);
        var minutes = Enumerable.Range(0, 30).Select(i => new HistoryPoint(start.AddMinutes(i), int.MaxValue, 1000, 10, null)).ToImmutableArray();

        var report = new DayReportBuilder(_clock).Site(new SiteDay("full", null, minutes, []));

        Assert.Equal((int.MaxValue, 30_000), (report.Arrived, report.Served));
        Assert.Equal([int.MaxValue], report.Hours!.Value.Select(hour => hour.Arrived));
    }
}
