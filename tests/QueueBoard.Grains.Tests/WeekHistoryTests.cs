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

        // The lane keeps its own week the same way.
        var laneDay = (await site.GetLaneDayHistory("1", new DateOnly(2026, 11, 30)))!.Value;
        Assert.Equal((24 * 60, 16 * 2), (laneDay.Length, laneDay.Sum(p => p.Arrived)));
        Assert.Equal(8, laneDay.Single(p => p.Minute == start.AddHours(3)).QueueLength);
        Assert.Null(await site.GetLaneDayHistory("no-such-lane", new DateOnly(2026, 11, 30)));
    }

    [Fact]
    public async Task Each_lanes_minutes_open_are_kept_for_the_week_and_read_back_by_day()
    {
        await using var cluster = await AccuracyCluster.StartAsync(HarnessSettings.Default);
        var start = cluster.Time.GetUtcNow(); // 2026-11-30 08:00 in Asia/Shanghai
        var site = cluster.Grains.GetGrain<ISiteGrain>("lanes-open");
        await site.Configure(new SiteConfig("开放时长测试点", null, "区", 0, 0, [OpenSpan.AllDay],
            [new LaneConfig("1", "1号通道", LaneKind.Standard), new LaneConfig("2", "2号通道", LaneKind.Green)]));

        async Task Apply(DateTimeOffset at, params LaneEvent[] events)
        {
            cluster.Time.SetUtcNow(at);
            Assert.Equal(events.Length, (await site.Apply([.. events])).Accepted);
        }

        // Lane 1 open from 08:00 to 09:30, lane 2 from 09:30 on; then an event every hour for two days moves time along.
        await Apply(start, Status("1", LaneStatus.Open, start));
        await Apply(start.AddMinutes(90), Status("1", LaneStatus.Paused, start.AddMinutes(90)), Status("2", LaneStatus.Open, start.AddMinutes(90)));
        for (var hour = 2; hour < 48; hour++)
        {
            var at = start.AddHours(hour);
            await Apply(at, new LaneEvent(null, "2", LaneEventType.Arrived, 1, null, at));
        }

        // 30 November is in storage by now; 1 December partly in storage and partly still in memory.
        var firstDay = Minutes(await site.GetDayLanesOpen(new DateOnly(2026, 11, 30)));
        var secondDay = Minutes(await site.GetDayLanesOpen(new DateOnly(2026, 12, 1)));

        Assert.Equal(90, firstDay.GetValueOrDefault("1"));
        Assert.Equal((24 * 60) - (9 * 60) - 30, firstDay.GetValueOrDefault("2"));
        Assert.Equal(0, secondDay.GetValueOrDefault("1"));
        Assert.Equal(24 * 60, secondDay.GetValueOrDefault("2"));
        Assert.Empty(await site.GetDayLanesOpen(new DateOnly(2026, 12, 3)));

        cluster.Time.SetUtcNow(start.AddHours(48));
        Assert.Equal(
            [(start.AddHours(1), 30)],
            (await site.GetDayLanesOpen(new DateOnly(2026, 11, 30))).Where(l => l.LaneId == "1" && l.Hour > start).Select(l => (l.Hour, l.Minutes)));
    }

    [Fact]
    public async Task A_lanes_minutes_open_stay_its_own_when_an_operator_reorders_removes_and_adds_lanes()
    {
        await using var cluster = await AccuracyCluster.StartAsync(HarnessSettings.Default);
        var start = cluster.Time.GetUtcNow(); // 2026-11-30 08:00 in Asia/Shanghai
        var site = cluster.Grains.GetGrain<ISiteGrain>("lanes-moved");
        LaneConfig Lane(string id) => new(id, $"{id}号通道", LaneKind.Standard);
        Task Configure(params string[] lanes) =>
            site.Configure(new SiteConfig("通道调整测试点", null, "区", 0, 0, [OpenSpan.AllDay], [.. lanes.Select(Lane)]));

        async Task Apply(DateTimeOffset at, params LaneEvent[] events)
        {
            cluster.Time.SetUtcNow(at);
            Assert.Equal(events.Length, (await site.Apply([.. events])).Accepted);
        }

        // Lanes 1, 2 and 3: lane 1 open for an hour, lane 2 for half an hour, lane 3 never.
        await Configure("1", "2", "3");
        await Apply(start, Status("1", LaneStatus.Open, start), Status("2", LaneStatus.Open, start));
        await Apply(start.AddMinutes(30), Status("2", LaneStatus.Closed, start.AddMinutes(30)));
        await Apply(start.AddMinutes(60), Status("1", LaneStatus.Closed, start.AddMinutes(60)));

        // The operator moves lane 3 to the top, removes lane 2 and adds lane 4; nothing is open afterwards.
        await Configure("3", "1", "4");
        await Apply(start.AddMinutes(120), new LaneEvent(null, "3", LaneEventType.Arrived, 1, null, start.AddMinutes(120)));

        // The removed lane's half hour still counts for the day it was open.
        var today = Minutes(await site.GetDayLanesOpen(new DateOnly(2026, 11, 30)));
        Assert.Equal(new Dictionary<string, int> { ["1"] = 60, ["2"] = 30 }, today);

        // The same once the hours are in storage, and after the site's next activation.
        await Apply(start.AddHours(30), new LaneEvent(null, "3", LaneEventType.Arrived, 1, null, start.AddHours(30)));
        await cluster.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(today, Minutes(await site.GetDayLanesOpen(new DateOnly(2026, 11, 30))));
        Assert.Empty(await site.GetDayLanesOpen(new DateOnly(2026, 12, 1)));
    }

    private static LaneEvent Status(string lane, LaneStatus status, DateTimeOffset at) => new(null, lane, LaneEventType.Status, 0, status, at);


    private static Dictionary<string, int> Minutes(IEnumerable<LaneHourOpen> hours) =>
        hours.GroupBy(h => h.LaneId).ToDictionary(g => g.Key, g => g.Sum(h => h.Minutes));
}
