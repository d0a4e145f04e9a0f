using Microsoft.Extensions.Time.Testing;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Estimation;
using QueueBoard.Grains.Options;

namespace QueueBoard.Grains.Tests;

/// <summary>The wait estimate as a resident would check it: people ahead, divided by how fast this lane really serves.</summary>
public sealed class WaitEstimatorTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 1, 0, 0, TimeSpan.Zero));
    private readonly WaitEstimator _estimator;
    private LaneReading _lane;

    public WaitEstimatorTests()
    {
        _estimator = new WaitEstimator(_time, Microsoft.Extensions.Options.Options.Create(new QueueGrainOptions { DefaultServiceSeconds = 15 }));
        _lane = LaneReading.Fresh with { Status = LaneStatus.Open, Rate = ServiceRateState.Empty with { AsOf = _time.GetUtcNow() } };
    }

    [Fact]
    public void Before_anyone_is_served_the_default_service_time_stands_in()
    {
        SetQueue(20);
        _time.Advance(TimeSpan.FromMinutes(30));

        // 20 people at 15 s each is 5 minutes, however long the lane has waited for its first serve.
        Assert.Equal(5, _estimator.WaitMinutes(_lane, withinHours: true));
    }

    [Fact]
    public void An_open_lane_with_nobody_queued_has_no_wait_and_a_closed_or_paused_lane_has_none_at_all()
    {
        Assert.Equal(0, _estimator.WaitMinutes(_lane, withinHours: true));
        SetQueue(5);
        Assert.Null(_estimator.WaitMinutes(_lane with { Status = LaneStatus.Paused }, withinHours: true));
        Assert.Null(_estimator.WaitMinutes(_lane with { Status = LaneStatus.Closed }, withinHours: true));
        Assert.Null(_estimator.WaitMinutes(_lane, withinHours: false));
    }

    [Fact]
    public void The_rate_learns_a_lane_that_serves_faster_than_the_default()
    {
        SetQueue(60);
        ServeFor(TimeSpan.FromMinutes(30), perMinute: 6);
        SetQueue(60);

        // 60 people at 6 a minute: 10 minutes, not the 15 the default (4 a minute) would say.
        Assert.InRange(_estimator.WaitMinutes(_lane, withinHours: true)!.Value, 10, 11);
    }

    [Fact]
    public void A_meal_break_neither_ages_nor_dilutes_the_rate()
    {
        SetQueue(60);
        ServeFor(TimeSpan.FromMinutes(30), perMinute: 6);
        SetQueue(60);
        var before = _estimator.ServicePerMinute(_lane);

        Apply(LaneStatus.Paused);
        _time.Advance(TimeSpan.FromMinutes(45));
        Apply(LaneStatus.Open);

        Assert.Equal(before, _estimator.ServicePerMinute(_lane), precision: 6);
    }

    [Fact]
    public void Recent_serving_counts_more_than_old_serving()
    {
        SetQueue(200);
        ServeFor(TimeSpan.FromMinutes(30), perMinute: 6);
        ServeFor(TimeSpan.FromMinutes(20), perMinute: 2);

        // After 20 slow minutes (two time constants) the rate is close to the slow pace, far from the old fast one.
        Assert.InRange(_estimator.ServicePerMinute(_lane), 2, 3);
    }

    [Fact]
    public void A_stalled_lane_whose_lead_keeps_reporting_shows_a_growing_wait()
    {
        SetQueue(40);
        ServeFor(TimeSpan.FromMinutes(20), perMinute: 4);
        SetQueue(40);
        var atFirst = _estimator.WaitMinutes(_lane, withinHours: true)!.Value;

        for (var minute = 0; minute < 15; minute++)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            SetQueue(40);
        }

        Assert.True(_estimator.WaitMinutes(_lane, withinHours: true) > atFirst * 2);
    }

    [Fact]
    public void A_lane_that_reports_nothing_keeps_its_wait_until_its_phone_is_back()
    {
        SetQueue(40);
        ServeFor(TimeSpan.FromMinutes(20), perMinute: 4);
        SetQueue(40);
        _time.Advance(ServiceRateEstimator.Silence);
        var whenSilent = _estimator.WaitMinutes(_lane, withinHours: true);

        _time.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(whenSilent, _estimator.WaitMinutes(_lane, withinHours: true));
    }

    [Fact]
    public void A_planned_pause_that_starts_before_the_wait_ends_is_included()
    {
        SetQueue(40);
        var now = _time.GetUtcNow();
        var soon = new PauseWindow(now.AddMinutes(5), now.AddMinutes(35));
        var late = new PauseWindow(now.AddMinutes(20), now.AddMinutes(50));

        var plain = _estimator.Estimate(_lane, withinHours: true, []);
        var withSoon = _estimator.Estimate(_lane, withinHours: true, [soon]);
        var withLate = _estimator.Estimate(_lane, withinHours: true, [late]);

        Assert.Equal((10, (PauseWindow?)null), (plain.Minutes, plain.PauseAhead));
        Assert.Equal((40, (PauseWindow?)soon), (withSoon.Minutes, withSoon.PauseAhead));
        Assert.Equal((10, (PauseWindow?)null), (withLate.Minutes, withLate.PauseAhead));
    }

    [Fact]
    public void Every_wait_comes_with_a_range_around_it_that_narrows_as_the_lane_shows_its_pace()
    {
        SetQueue(60);
        var guess = _estimator.Estimate(_lane, withinHours: true, []);
        ServeFor(TimeSpan.FromMinutes(30), perMinute: 4);
        SetQueue(60);
        var learnt = _estimator.Estimate(_lane, withinHours: true, []);

        Assert.True(guess.Low < guess.Minutes && guess.Minutes < guess.High, $"{guess}");
        Assert.True(learnt.Low < learnt.Minutes && learnt.Minutes < learnt.High, $"{learnt}");
        Assert.True(learnt.High - learnt.Low < guess.High - guess.Low, $"{guess} then {learnt}");
        Assert.Equal(WaitEstimate.None, _estimator.Estimate(_lane with { Status = LaneStatus.Paused }, withinHours: true, []));
        Assert.Equal(WaitEstimate.Zero, _estimator.Estimate(_lane with { QueueLength = 0 }, withinHours: true, []));
    }

    [Fact]
    public void Bands_follow_the_contract_thresholds()
    {
        Assert.Equal(WaitBand.Closed, WaitBands.Of(null));
        Assert.Equal(WaitBand.Smooth, WaitBands.Of(24));
        Assert.Equal(WaitBand.Busy, WaitBands.Of(25));
        Assert.Equal(WaitBand.Busy, WaitBands.Of(49));
        Assert.Equal(WaitBand.Crowded, WaitBands.Of(50));
    }

    private void ServeFor(TimeSpan span, int perMinute)
    {
        for (var minute = 0; minute < span.TotalMinutes; minute++)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            Step(rate => ServiceRateEstimator.AddServed(rate, perMinute));
            _lane = _lane with { QueueLength = Math.Max(_lane.QueueLength - perMinute, 1) };
        }
    }

    private void SetQueue(int queue) => Step(rate => rate, queue);

    private void Apply(LaneStatus status) => Step(rate => rate, status: status);

    /// <summary>What the lane grain does on each batch: advance the rate clock in the old state, then apply.</summary>
    private void Step(Func<ServiceRateState, ServiceRateState> change, int? queue = null, LaneStatus? status = null)
    {
        var advanced = ServiceRateEstimator.Advance(_lane.Rate, _time.GetUtcNow(), WaitEstimator.IsBusy(_lane));
        _lane = _lane with
        {
            Rate = change(advanced),
            QueueLength = queue ?? _lane.QueueLength,
            Status = status ?? _lane.Status,
        };
    }
}
