using QueueBoard.Abstractions.Grains;
using QueueBoard.Abstractions.Model;
using QueueBoard.Accuracy;

namespace QueueBoard.Grains.Tests;

/// <summary>A lane's wait and the pace shown beside it come from one rate, so a reader can check one against the other.</summary>
public sealed class OneRateTests
{
    [Fact]
    public async Task The_pace_beside_a_wait_is_the_one_it_was_worked_out_from_and_a_paused_lane_shows_none()
    {
        await using var cluster = await AccuracyCluster.StartAsync(HarnessSettings.Default);
        var now = cluster.Time.GetUtcNow();
        var site = cluster.Grains.GetGrain<ISiteGrain>("one-rate");
        await site.Configure(new SiteConfig("一致测试点", null, "区", 0, 0, [OpenSpan.AllDay],
            [new LaneConfig("1", "1号通道", LaneKind.Standard), new LaneConfig("2", "2号通道", LaneKind.Standard)]));
        await site.Apply([
            new LaneEvent(null, "1", LaneEventType.Status, 0, LaneStatus.Open, now),
            new LaneEvent(null, "2", LaneEventType.Status, 0, LaneStatus.Open, now),
            new LaneEvent(null, "1", LaneEventType.Arrived, 200, null, now),
            new LaneEvent(null, "2", LaneEventType.Arrived, 200, null, now)]);

        // Lane 1 serves one person every 20 s for 20 minutes, lane 2 one every 40 s: two different paces.
        for (var second = 20; second <= 1200; second += 20)
        {
            cluster.Time.SetUtcNow(now.AddSeconds(second));
            LaneEvent[] served = second % 40 == 0
                ? [Served("1", cluster), Served("2", cluster)]
                : [Served("1", cluster)];
            await site.Apply([.. served]);
        }

        var detail = (await site.GetDetail())!;
        foreach (var lane in detail.Lanes)
        {
            Assert.True(lane.ThroughputPerMinute > 0, $"lane {lane.Id} shows no pace");
            Assert.InRange(lane.WaitMinutes!.Value, (lane.QueueLength / lane.ThroughputPerMinute) - 1.5, (lane.QueueLength / lane.ThroughputPerMinute) + 1.5);
        }

        Assert.InRange(detail.Lanes[0].ThroughputPerMinute, 2.5, 3.5);
        Assert.InRange(detail.Lanes[1].ThroughputPerMinute, 1.2, 1.8);
        Assert.Equal(Math.Round(detail.Lanes.Sum(l => l.ThroughputPerMinute), 1), detail.ThroughputPerMinute);

        await site.Apply([new LaneEvent(null, "2", LaneEventType.Status, 0, LaneStatus.Paused, cluster.Time.GetUtcNow())]);
        var paused = (await site.GetDetail())!.Lanes[1];
        Assert.Equal((0.0, (int?)null), (paused.ThroughputPerMinute, paused.WaitMinutes));
    }

    private static LaneEvent Served(string lane, AccuracyCluster cluster) =>
        new(null, lane, LaneEventType.Served, 1, null, cluster.Time.GetUtcNow());
}
