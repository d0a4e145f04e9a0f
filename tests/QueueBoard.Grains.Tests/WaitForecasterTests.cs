using System.Collections.Immutable;
using Microsoft.Extensions.Time.Testing;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Forecast;
using QueueBoard.Grains.Options;
using QueueBoard.Grains.Time;

namespace QueueBoard.Grains.Tests;

/// <summary>"Best time to come": the half-hourly wait projected from yesterday's arrivals, today's queue and the lanes' pace.</summary>
public sealed class WaitForecasterTests
{
    // 09:00 in Asia/Shanghai.
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);

    private readonly DistrictClock _clock;
    private readonly WaitForecaster _forecaster;

    public WaitForecasterTests()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new QueueGrainOptions());
        _clock = new DistrictClock(new FakeTimeProvider(Now), options);
        _forecaster = new WaitForecaster(_clock);
    }

    [Fact]
    public void A_busy_morning_yesterday_means_long_waits_until_noon_and_short_ones_after()
    {
        // Yesterday 10 a minute came until 12:00 and 2 a minute after; today so far, the same.
        var history = Minutes(local => local is >= 8 * 60 and < 12 * 60 ? 10 : local is >= 12 * 60 and < 22 * 60 ? 2 : 0);
        var lanes = new[] { new LanePace(4, []), new LanePace(4, []) };

        var forecast = _forecaster.Forecast(Site(), history, queueNow: 100, lanes, Now);

        Assert.Equal("history", forecast.Basis);
        Assert.Equal(Now, forecast.Slots[0].From);
        Assert.Equal(26, forecast.Slots.Length);
        Assert.InRange(forecast.Slots[0].WaitMinutes!.Value, 12, 18);
        var noon = forecast.Slots.Single(s => s.From == Now.AddHours(3).AddMinutes(-30));
        Assert.True(noon.WaitMinutes > forecast.Slots[0].WaitMinutes!.Value, $"{noon} after {forecast.Slots[0]}");
        Assert.Equal(0, forecast.Slots[^1].WaitMinutes);
    }

    [Fact]
    public void The_half_hour_under_way_tells_the_story_of_the_wait_the_site_posts_now()
    {
        // The whole site's 100 people over 8 a minute is about 12 minutes now, less over the half-hour as 6 a minute come;
        // its shortest lane, posted, is 6 now.
        var history = Minutes(local => local is >= 8 * 60 and < 22 * 60 ? 6 : 0);
        var lanes = new[] { new LanePace(4, []), new LanePace(4, []) };

        var unscaled = _forecaster.Forecast(Site(), history, queueNow: 100, lanes, Now);
        var scaled = _forecaster.Forecast(Site(), history, queueNow: 100, lanes, Now, waitNow: 6);

        Assert.InRange(unscaled.Slots[0].WaitMinutes!.Value, 8, 13);
        Assert.InRange(scaled.Slots[0].WaitMinutes!.Value, 3, 8);
        Assert.All(scaled.Slots.Zip(unscaled.Slots), pair => Assert.True(pair.First.WaitMinutes <= pair.Second.WaitMinutes, $"{pair.First} above {pair.Second}"));

        // Once the people queued now are served, the lanes have evened out: later half-hours are the projection's own.
        Assert.Equal(unscaled.Slots[4..].Select(s => s.WaitMinutes), scaled.Slots[4..].Select(s => s.WaitMinutes));
    }

    [Fact]
    public void Without_yesterday_the_last_half_hour_pace_is_held_and_a_planned_break_shows()
    {
        var history = Minutes(local => local is >= 8 * 60 and < 9 * 60 ? 8 : 0, days: 0);
        var lanes = new[] { new LanePace(4, [new OpenSpan(12 * 60, 13 * 60)]), new LanePace(4, [new OpenSpan(12 * 60, 13 * 60)]) };

        var forecast = _forecaster.Forecast(Site(), history, queueNow: 40, lanes, Now);

        Assert.Equal("recent", forecast.Basis);
        Assert.InRange(forecast.Slots[0].WaitMinutes!.Value, 4, 6);
        var lunch = forecast.Slots.Single(s => s.From == Now.AddHours(3).AddMinutes(30));
        Assert.True(lunch.WaitMinutes > 30, $"{lunch}");

        // The hour lost at lunch is never made up: late arrivals would not be swabbed before closing.
        Assert.Equal((Now.AddHours(13), (int?)null), (forecast.Slots[^1].To, forecast.Slots[^1].WaitMinutes));
    }

    [Fact]
    public void Absurd_arrival_counts_give_a_forecast_rather_than_an_overflow()
    {
        // A lead may post a thousand events of a thousand arrivals ten times a second; each minute then holds the most an
        // int can, and the hour's sum must not throw.
        var history = Minutes(_ => int.MaxValue);

        var forecast = _forecaster.Forecast(Site(), history, queueNow: LaneLimits.MaximumQueue, [new LanePace(4, [])], Now);

        Assert.NotEmpty(forecast.Slots);
        Assert.All(forecast.Slots, slot => Assert.True(slot.WaitMinutes is null or >= 0, $"{slot}"));
    }

    private static SiteConfig Site() => new("站", null, "区", 0, 0, [new OpenSpan(8 * 60, 22 * 60)], []);

    /// <summary>The last 25 hours by minute (only today's when <paramref name="days"/> is 0), arrivals by local minute.</summary>
    private ImmutableArray<HistoryPoint> Minutes(Func<int, int> arrivalsAtLocalMinute, int days = 1)
    {
        var span = days == 0 ? 60 : 25 * 60;
        return [.. Enumerable.Range(1, span).Reverse().Select(back =>
        {
            var minute = Now.AddMinutes(-back);
            return new HistoryPoint(minute, arrivalsAtLocalMinute(_clock.MinuteOfDay(minute)), 0, 0, null);
        })];
    }
}
