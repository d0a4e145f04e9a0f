using System.Collections.Immutable;
using Microsoft.Extensions.Time.Testing;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Estimation;
using QueueBoard.Grains.Options;
using QueueBoard.Grains.Sites;
using QueueBoard.Grains.Time;

namespace QueueBoard.Grains.Tests;

/// <summary>The site picture at controlled moments: opening hours in the district's zone, and the day turning at midnight.</summary>
public sealed class SitePictureBuilderTests
{
    // 21:30 in Shanghai.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 13, 30, 0, TimeSpan.Zero));
    private readonly SitePictureBuilder _builder;

    public SitePictureBuilderTests()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new QueueGrainOptions());
        _builder = new SitePictureBuilder(new WaitEstimator(_time, options), new DistrictClock(_time, options), options);
    }

    [Fact]
    public void Outside_its_opening_hours_a_site_is_closed_however_its_lanes_stand()
    {
        var config = Site([new OpenSpan(8 * 60, 22 * 60)]);
        var readings = Readings(("1", Open(queue: 10)), ("g", Open(queue: 2)));

        var open = Build(config, readings);
        _time.Advance(TimeSpan.FromMinutes(30));
        var closed = Build(config, readings);

        // 9 waiting and the one being swabbed part way through, at the default 4 a minute.
        Assert.Equal((true, (int?)2, WaitBand.Smooth, true), (open.Open, open.WaitMinutes, open.WaitBand, open.GreenLaneOpen));
        Assert.Equal((false, (int?)null, WaitBand.Closed, false, 0), (closed.Open, closed.WaitMinutes, closed.WaitBand, closed.GreenLaneOpen, closed.OpenLanes));
        Assert.All(closed.Lanes, lane => Assert.Null(lane.WaitMinutes));
        Assert.Equal(12, closed.QueueLength);
    }

    [Fact]
    public void A_span_past_midnight_keeps_the_site_open_after_midnight()
    {
        var config = Site([new OpenSpan(18 * 60, 2 * 60)]);
        var readings = Readings(("1", Open(queue: 4)));

        _time.Advance(TimeSpan.FromHours(4));

        Assert.True(Build(config, readings).Open);
        _time.Advance(TimeSpan.FromHours(1));
        Assert.False(Build(config, readings).Open);
    }

    [Fact]
    public void Served_today_starts_again_at_midnight_in_the_district_time_zone()
    {
        var today = new DateOnly(2026, 11, 29);
        var readings = Readings(("1", Open(queue: 0) with { ServedByDay = ImmutableDictionary<DateOnly, int>.Empty.Add(today, 340) }));
        _time.Advance(TimeSpan.FromHours(2));

        Assert.Equal(340, Build(Site([OpenSpan.AllDay]), readings).ServedToday);
        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(340, Build(Site([OpenSpan.AllDay]), readings).ServedToday);
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(0, Build(Site([OpenSpan.AllDay]), readings).ServedToday);
    }

    [Fact]
    public void The_site_wait_and_its_range_come_from_the_best_lane_and_pooled_lanes_share_one_wait()
    {
        var config = Site([OpenSpan.AllDay]) with
        {
            Lanes = [new LaneConfig("1", "1号通道", LaneKind.Standard), new LaneConfig("2", "2号通道", LaneKind.Standard)],
        };
        var readings = Readings(("1", Open(queue: 12)), ("2", Open(queue: 40)));
        var pooled = new SitePictureBuilder(
            new WaitEstimator(_time, Microsoft.Extensions.Options.Options.Create(new QueueGrainOptions())),
            new DistrictClock(_time, Microsoft.Extensions.Options.Options.Create(new QueueGrainOptions())),
            Microsoft.Extensions.Options.Options.Create(new QueueGrainOptions { PoolLanes = true }));

        var own = Build(config, readings);
        var shared = pooled.Build("site", config, readings, _time.GetUtcNow());

        Assert.Equal((own.Lanes[0].WaitMinutes, own.Lanes[0].WaitMinutesLow, own.Lanes[0].WaitMinutesHigh), (own.WaitMinutes, own.WaitMinutesLow, own.WaitMinutesHigh));
        Assert.True(own.Lanes[0].WaitMinutes < own.Lanes[1].WaitMinutes);
        Assert.Equal(shared.Lanes[0].WaitMinutes, shared.Lanes[1].WaitMinutes);
        Assert.InRange(shared.WaitMinutes!.Value, own.Lanes[0].WaitMinutes!.Value, own.Lanes[1].WaitMinutes!.Value);
    }

    private SiteDetail Build(SiteConfig config, Dictionary<string, LaneReading> readings) =>
        _builder.Build("site", config, readings, _time.GetUtcNow());

    private LaneReading Open(int queue) =>
        LaneReading.Fresh with { Status = LaneStatus.Open, QueueLength = queue, UpdatedAt = _time.GetUtcNow() };

    private static Dictionary<string, LaneReading> Readings(params (string Id, LaneReading Reading)[] lanes) =>
        lanes.ToDictionary(l => l.Id, l => l.Reading);

    private static SiteConfig Site(ImmutableArray<OpenSpan> hours) => new(
        "测试采样点", "Test", "环市街道", 22.59, 113.08, hours,
        [new LaneConfig("1", "1号通道", LaneKind.Standard), new LaneConfig("g", "绿色通道", LaneKind.Green)]);
}
