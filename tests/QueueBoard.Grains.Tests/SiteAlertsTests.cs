using System.Collections.Immutable;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Options;
using QueueBoard.Grains.Sites;

namespace QueueBoard.Grains.Tests;

/// <summary>The command centre's trend and threshold alerts, raised and cleared by a site's own picture over time.</summary>
public sealed class SiteAlertsTests
{
    private SiteAlerts _alerts = new(new QueueGrainOptions { AlertQueueLength = 200 });
    private DateTimeOffset _now = new(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_queue_that_grows_for_a_quarter_hour_raises_an_alert_that_clears_when_it_stops()
    {
        var raised = new List<bool>();
        foreach (var queue in new[] { 10, 14, 18, 22, 26, 30, 30, 30, 30 })
        {
            raised.Add(Kinds(Evaluate(queue, throughput: 3)).Contains("queue-growing"));
            _now = _now.AddMinutes(5);
        }

        Assert.Equal([false, false, false, true, true, true, false, false, false], raised);
    }

    [Fact]
    public void A_lane_serving_far_below_its_own_last_hour_with_people_queued_is_flagged_and_cleared_when_it_recovers()
    {
        for (var minute = 0; minute < 40; minute++)
        {
            Assert.DoesNotContain("throughput-drop", Kinds(Evaluate(60, throughput: 4)));
            _now = _now.AddMinutes(1);
        }

        var slow = Evaluate(60, throughput: 1);
        var drop = Assert.Single(slow, a => a.Kind == "throughput-drop");
        Assert.Equal(("1", AlertSeverity.Warning), (drop.LaneId, drop.Severity));

        _now = _now.AddMinutes(1);
        Assert.DoesNotContain("throughput-drop", Kinds(Evaluate(0, throughput: 1)));
        _now = _now.AddMinutes(1);
        Assert.DoesNotContain("throughput-drop", Kinds(Evaluate(60, throughput: 4)));
    }

    [Fact]
    public void A_queue_over_the_configured_length_is_an_alert()
    {
        // Short waits (a queue of 200 at 4 lanes' pace is 50 min here): the queue alone is the alert.
        _alerts = new(new QueueGrainOptions { AlertQueueLength = 200, AlertWaitMinutes = 100 });
        Assert.DoesNotContain("queue-long", Kinds(Evaluate(199, throughput: 4)));
        Assert.Contains("queue-long", Kinds(Evaluate(200, throughput: 4)));
    }

    [Fact]
    public void A_pause_of_a_minute_raises_nothing_and_a_longer_one_is_ranked_by_the_people_it_keeps_waiting()
    {
        Assert.DoesNotContain("paused-with-queue", Kinds(Evaluate(40, throughput: 0, LaneStatus.Paused)));
        _now = _now.AddMinutes(1);
        Assert.DoesNotContain("paused-with-queue", Kinds(Evaluate(40, throughput: 0, LaneStatus.Paused)));

        _now = _now.AddMinutes(2);
        var paused = Assert.Single(Evaluate(40, throughput: 0, LaneStatus.Paused), a => a.Kind == "paused-with-queue");
        Assert.Equal((AlertSeverity.Info, 40 * 3, _now.AddMinutes(-3)), (paused.Severity, paused.Impact, paused.Since));

        _now = _now.AddMinutes(17);
        var longPaused = Assert.Single(Evaluate(40, throughput: 0, LaneStatus.Paused), a => a.Kind == "paused-with-queue");
        Assert.Equal((AlertSeverity.Warning, 40 * 20), (longPaused.Severity, longPaused.Impact));
    }

    [Fact]
    public void A_crowded_site_with_a_long_queue_is_one_alert_and_the_district_ranks_alerts_by_impact()
    {
        var crowded = Evaluate(800, throughput: 4);
        Assert.Contains("crowded", Kinds(crowded));
        Assert.DoesNotContain("queue-long", Kinds(crowded));

        var small = new Alert("a:crowded", "crowded", "a", null, AlertSeverity.Critical, "", _now) { Impact = 100 };
        var big = new Alert("b:paused-with-queue", "paused-with-queue", "b", "1", AlertSeverity.Info, "", _now) { Impact = 5000 };
        var overview = District.OverviewBuilder.Build([Digest("a", small), Digest("b", big)]);
        Assert.Equal(["b:paused-with-queue", "a:crowded"], overview.Alerts.Select(a => a.Id));
    }

    private SiteDigest Digest(string siteId, Alert alert) => new(
        new SiteSummary
        {
            Id = siteId, Name = siteId, NameEn = null, Area = "区", Latitude = 0, Longitude = 0, Open = true, QueueLength = 0,
            WaitMinutes = null, WaitBand = WaitBand.Closed, GreenLaneOpen = false, GreenWaitMinutes = null, OpenLanes = 0,
            TotalLanes = 0, UpdatedAt = _now,
        },
        0,
        0,
        [alert]);

    private ImmutableArray<Alert> Evaluate(int queue, double throughput, LaneStatus status = LaneStatus.Open)
    {
        var lane = new LaneView
        {
            Id = "1", Name = "1号通道", Kind = LaneKind.Standard, Status = status, QueueLength = queue,
            ThroughputPerMinute = throughput, MeasuredPerMinute = throughput, WaitMinutes = queue / 4, ServedToday = 0, UpdatedAt = _now,
        };
        var summary = new SiteSummary
        {
            Id = "s", Name = "站", NameEn = null, Area = "区", Latitude = 0, Longitude = 0, Open = true, QueueLength = queue,
            WaitMinutes = queue / 4, WaitBand = WaitBand.Smooth, GreenLaneOpen = false, GreenWaitMinutes = null, OpenLanes = 1,
            TotalLanes = 1, UpdatedAt = _now,
        };
        return _alerts.Evaluate(new SiteDetail(summary, [lane], 0, throughput), withinHours: true, _now);
    }

    private static IEnumerable<string> Kinds(ImmutableArray<Alert> alerts) => alerts.Select(a => a.Kind);
}
