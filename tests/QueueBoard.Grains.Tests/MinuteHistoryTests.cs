using QueueBoard.Grains.History;

namespace QueueBoard.Grains.Tests;

/// <summary>The per-minute history a chart draws: a point for every minute, flows where they happened, levels carried.</summary>
public sealed class MinuteHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_minute_has_a_point_and_quiet_minutes_carry_the_last_level()
    {
        var history = new MinuteHistory();
        history.AddFlow(Start.AddSeconds(10), arrived: 5, served: 0, now: Start.AddSeconds(10));
        history.SetLevel(Start.AddSeconds(50), queueLength: 5, waitMinutes: 2);
        history.AddFlow(Start.AddMinutes(3).AddSeconds(5), arrived: 0, served: 2, now: Start.AddMinutes(3).AddSeconds(5));
        history.SetLevel(Start.AddMinutes(3).AddSeconds(6), queueLength: 3, waitMinutes: 1);

        var points = history.Read(Start.AddMinutes(4), minutes: 6);

        Assert.Equal(6, points.Length);
        Assert.Equal(Start.AddMinutes(-1), points[0].Minute);
        Assert.Equal(Start.AddMinutes(4), points[^1].Minute);
        Assert.Equal([0, 5, 0, 0, 0, 0], points.Select(p => p.Arrived));
        Assert.Equal([0, 0, 0, 0, 2, 0], points.Select(p => p.Served));
        Assert.Equal([0, 5, 5, 5, 3, 3], points.Select(p => p.QueueLength));
        Assert.Equal([null, 2, 2, 2, 1, 1], points.Select(p => p.WaitMinutes));
    }

    [Fact]
    public void A_minute_holds_the_most_an_int_can_rather_than_going_negative()
    {
        var history = new MinuteHistory();
        history.AddFlow(Start, arrived: int.MaxValue - 10, served: 0, now: Start);
        history.AddFlow(Start, arrived: 1000, served: 1000, now: Start);

        var minute = history.Read(Start, minutes: 1).Single();

        Assert.Equal((int.MaxValue, 1000), (minute.Arrived, minute.Served));
    }

    [Fact]
    public void A_late_event_lands_in_the_minute_it_happened()
    {
        var history = new MinuteHistory();
        var now = Start.AddMinutes(30);
        history.AddFlow(Start.AddMinutes(10), arrived: 4, served: 0, now: now);

        var points = history.Read(now, minutes: 31);

        Assert.Equal(4, points.Single(p => p.Minute == Start.AddMinutes(10)).Arrived);
        Assert.Equal(4, points.Sum(p => p.Arrived));
    }

    [Fact]
    public void The_level_before_the_window_is_carried_into_it()
    {
        var history = new MinuteHistory();
        history.SetLevel(Start, queueLength: 9, waitMinutes: 4);

        var points = history.Read(Start.AddHours(3), minutes: 60);

        Assert.All(points, p => Assert.Equal((9, (int?)4), (p.QueueLength, p.WaitMinutes)));
    }

    [Fact]
    public void A_day_of_minutes_is_kept_and_older_ones_are_dropped()
    {
        var history = new MinuteHistory();
        for (var minute = 0; minute < 2 * 24 * 60; minute += 7)
        {
            var at = Start.AddMinutes(minute);
            history.AddFlow(at, arrived: 1, served: 0, now: at);
        }

        Assert.InRange(history.Buckets.Count, (24 * 60 / 7) - 1, (MinuteHistory.Capacity / 7) + 2);
        var now = Start.AddMinutes((2 * 24 * 60) - 1);
        Assert.Equal((24 * 60 / 7) + 1, history.Read(now, 24 * 60).Sum(p => p.Arrived), tolerance: 1);
    }
}
