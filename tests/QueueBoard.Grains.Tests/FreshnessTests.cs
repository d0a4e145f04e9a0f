using QueueBoard.Abstractions.Grains;
using QueueBoard.Abstractions.Model;
using QueueBoard.Accuracy;

namespace QueueBoard.Grains.Tests;

/// <summary>
/// A site whose lanes stop reporting is marked stale and, with people queued, raises <c>silent</c> until the next event;
/// a site outside its hours says so and when it opens next.
/// </summary>
public sealed class FreshnessTests
{
    [Fact]
    public async Task A_site_silent_for_ten_minutes_with_people_queued_is_stale_and_alerts_until_its_next_event()
    {
        await using var cluster = await AccuracyCluster.StartAsync(HarnessSettings.Default);
        var start = cluster.Time.GetUtcNow(); // 08:00 in Asia/Shanghai
        var site = cluster.Grains.GetGrain<ISiteGrain>("silent");
        // Lane 2 never reports: it must not make the site look fresh.
        await site.Configure(new SiteConfig("静默测试点", null, "区", 0, 0, [OpenSpan.AllDay],
            [new LaneConfig("1", "1号通道", LaneKind.Standard), new LaneConfig("2", "2号通道", LaneKind.Standard)]));
        await site.Apply([
            new LaneEvent(null, "1", LaneEventType.Status, 0, LaneStatus.Open, start),
            new LaneEvent(null, "1", LaneEventType.Arrived, 12, null, start)]);

        cluster.Time.SetUtcNow(start.AddMinutes(9).AddSeconds(59));
        var quiet = (await site.GetDigest())!;
        Assert.False(quiet.Summary.Stale);
        Assert.DoesNotContain(quiet.Alerts, a => a.Kind == "silent");

        cluster.Time.SetUtcNow(start.AddMinutes(10));
        var silent = (await site.GetDigest())!;
        Assert.True(silent.Summary.Stale);
        var alert = Assert.Single(silent.Alerts, a => a.Kind == "silent");
        Assert.Equal((AlertSeverity.Warning, start.AddMinutes(10)), (alert.Severity, alert.Since));
        Assert.True((await site.GetDetail())!.Stale);
        Assert.Equal(start, silent.Summary.UpdatedAt);

        await site.Apply([new LaneEvent(null, "1", LaneEventType.Served, 1, null, cluster.Time.GetUtcNow())]);
        var heard = (await site.GetDigest())!;
        Assert.False(heard.Summary.Stale);
        Assert.DoesNotContain(heard.Alerts, a => a.Kind == "silent");
    }

    [Fact]
    public async Task Outside_its_hours_a_site_rests_and_names_its_next_opening()
    {
        await using var cluster = await AccuracyCluster.StartAsync(HarnessSettings.Default);
        var start = cluster.Time.GetUtcNow(); // 08:00 in Asia/Shanghai, 00:00 UTC
        var site = cluster.Grains.GetGrain<ISiteGrain>("resting");
        await site.Configure(new SiteConfig("午后开放点", null, "区", 0, 0, [new OpenSpan(7 * 60, 7 * 60 + 30), new OpenSpan(18 * 60, 21 * 60)],
            [new LaneConfig("1", "1号通道", LaneKind.Standard)]));
        await site.Apply([new LaneEvent(null, "1", LaneEventType.Status, 0, LaneStatus.Open, start)]);

        var resting = (await site.GetDetail())!;
        Assert.False(resting.WithinHours);
        Assert.False(resting.Open);
        Assert.Equal(start.AddHours(10), resting.NextOpening);

        cluster.Time.SetUtcNow(start.AddHours(10));
        var open = (await site.GetDetail())!;
        Assert.True(open.WithinHours);
        Assert.Null(open.NextOpening);

        // After the evening span the next opening is tomorrow's 07:00.
        cluster.Time.SetUtcNow(start.AddHours(13));
        Assert.Equal(start.AddHours(23), (await site.GetDetail())!.NextOpening);
    }
}
