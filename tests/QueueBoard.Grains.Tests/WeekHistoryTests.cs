using QueueBoard.Abstractions.Grains;
using QueueBoard.Abstractions.Model;
using QueueBoard.Accuracy;

namespace QueueBoard.Grains.Tests;

/// <summary>
/// A site keeps a week of minutes in storage, an hour to a record: a day that has left the in-memory minute history is
/// read back from storage with every flow it had.
/// </summary>
public sealed class WeekHistoryTests
{
    [Fact]
    public async Task A_day_two_days_back_and_any_minute_of_it_read_back_from_storage()
    {
        await using var cluster = await AccuracyCluster.StartAsync(HarnessSettings.Default);
        var start = cluster.Time.GetUtcNow(); // 2026-11-30 08:00 in Asia/Shanghai
        var site = cluster.Grains.GetGrain<ISiteGrain>("week");
        await site.Configure(new SiteConfig("周测试点", null, "区", 0, 0, [OpenSpan.AllDay], [new LaneConfig("1", "1号通道", LaneKind.Standard)]));

        // Two people arrive at the start of every hour for two days.
        for (var hour = 0; hour < 48; hour++)
        {
            cluster.Time.SetUtcNow(start.AddHours(hour));
            var outcome = await site.Apply([new LaneEvent(null, "1", LaneEventType.Arrived, 2, null, cluster.Time.GetUtcNow())]);
            Assert.Equal(1, outcome.Accepted);
        }

        var firstDay = await site.GetDayHistory(new DateOnly(2026, 11, 30));
        var secondDay = await site.GetDayHistory(new DateOnly(2026, 12, 1));

        // 30 November runs 16:00 UTC the day before to 16:00 UTC: the first 16 hours of the two days.
        Assert.Equal(24 * 60, firstDay.Length);
        Assert.Equal(16 * 2, firstDay.Sum(p => p.Arrived));
        Assert.Equal(24 * 2, secondDay.Sum(p => p.Arrived));
        Assert.Equal(start.AddHours(-8), firstDay[0].Minute);
        Assert.Equal(2, firstDay.Single(p => p.Minute == start.AddHours(3)).Arrived);
        Assert.Equal(8, firstDay.Single(p => p.Minute == start.AddHours(3)).QueueLength);

        // One minute for the replay, from storage and from memory.
        var stored = await site.GetMinute(start.AddHours(3).AddSeconds(30));
        var recent = await site.GetMinute(start.AddHours(47));
        Assert.Equal((start.AddHours(3), 2, 8), (stored!.Minute, stored.Arrived, stored.QueueLength));
        Assert.Equal((2, 96), (recent!.Arrived, recent.QueueLength));
        Assert.Null(await site.GetMinute(start.AddHours(48)));
    }
}
