using QueueBoard.Abstractions.Grains;
using QueueBoard.Abstractions.Model;
using static QueueBoard.Grains.Tests.TestSites;

namespace QueueBoard.Grains.Tests;

/// <summary>What a site lead's events do to a site, checked through the real grains on a test cluster.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SiteGrainTests(ClusterFixture fixture)
{
    private readonly string _siteId = NewId();

    private ISiteGrain Site => fixture.Grains.GetGrain<ISiteGrain>(_siteId);

    [Fact]
    public async Task Each_event_type_changes_the_lane_as_a_lead_expects()
    {
        await Site.Configure(Standard("1", "2"));

        await Site.Apply(Batch(Status("1", LaneStatus.Open), Arrived("1", 5)));
        Assert.Equal(5, await QueueOf("1"));

        await Site.Apply(Batch(Served("1", 2)));
        var lane = await LaneOf("1");
        Assert.Equal((3, 2), (lane.QueueLength, lane.ServedToday));
        Assert.NotNull(lane.WaitMinutes);

        await Site.Apply(Batch(HeadCount("1", 12)));
        Assert.Equal(12, await QueueOf("1"));

        await Site.Apply(Batch(Status("1", LaneStatus.Paused)));
        lane = await LaneOf("1");
        Assert.Equal((LaneStatus.Paused, 12, (int?)null), (lane.Status, lane.QueueLength, lane.WaitMinutes));
    }

    [Fact]
    public async Task The_queue_never_goes_below_zero_but_every_serve_is_counted()
    {
        await Site.Configure(Standard("1"));
        await Site.Apply(Batch(Status("1", LaneStatus.Open), Arrived("1", 2), Served("1", 5)));

        var lane = await LaneOf("1");
        Assert.Equal(0, lane.QueueLength);
        Assert.Equal(5, lane.ServedToday);
    }

    [Fact]
    public async Task An_event_id_is_applied_once_within_a_batch_and_across_batches()
    {
        await Site.Configure(Standard("1", "2"));
        var id = Guid.NewGuid();

        var first = await Site.Apply(Batch(Arrived("1", 3, id), Arrived("1", 3, id), Arrived("2", 1, id)));
        var retry = await Site.Apply(Batch(Arrived("1", 3, id), Arrived("1", 1)));

        Assert.Equal((1, 2), (first.Accepted, first.Duplicates));
        Assert.Equal((1, 1), (retry.Accepted, retry.Duplicates));
        Assert.Equal(4, await QueueOf("1"));
        Assert.Equal(0, await QueueOf("2"));
    }

    [Fact]
    public async Task An_id_already_accepted_for_the_site_is_a_duplicate_on_any_of_its_lanes()
    {
        await Site.Configure(Standard("1", "2"));
        var id = Guid.NewGuid();

        await Site.Apply(Batch(Arrived("1", 2, id)));
        var again = await Site.Apply(Batch(Arrived("2", 2, id)));

        Assert.Equal((0, 1), (again.Accepted, again.Duplicates));
        Assert.Equal((2, 0), (await QueueOf("1"), await QueueOf("2")));
    }

    [Fact]
    public async Task Absurd_counts_saturate_instead_of_overflowing()
    {
        await Site.Configure(Standard("1"));

        for (var batch = 0; batch < 3; batch++)
        {
            await Site.Apply([.. Enumerable.Repeat(Arrived("1", 1000), 1000)]);
            await Site.Apply([.. Enumerable.Repeat(Served("1", 1000), 1000)]);
        }

        await Site.Apply([.. Enumerable.Repeat(Arrived("1", 1000), 1000)]);
        var site = (await Site.GetDetail())!;
        Assert.Equal(LaneLimits.MaximumQueue, site.QueueLength);
        Assert.Equal(LaneLimits.MaximumServedPerDay, site.ServedToday);
        Assert.True((await fixture.Grains.GetGrain<IDistrictGrain>(0).GetOverview()).QueueLength >= LaneLimits.MaximumQueue);
    }

    [Fact]
    public async Task A_batch_naming_an_unknown_lane_changes_nothing()
    {
        await Site.Configure(Standard("1"));

        var outcome = await Site.Apply(Batch(Arrived("1", 4), Arrived("9", 1)));

        Assert.Equal([1], outcome.UnknownLaneIndexes);
        Assert.Equal(0, outcome.Accepted);
        Assert.Equal(0, await QueueOf("1"));
    }

    [Fact]
    public async Task A_lane_with_people_queued_cannot_be_removed()
    {
        await Site.Configure(Standard("1", "2"));
        await Site.Apply(Batch(Arrived("2", 3)));

        var refused = await Site.Configure(Standard("1"));
        Assert.Null(refused.Site);
        Assert.Equal(["2"], refused.LanesStillQueued);
        Assert.Equal(2, (await Site.GetDetail())!.TotalLanes);

        await Site.Apply(Batch(HeadCount("2", 0)));
        var accepted = await Site.Configure(Standard("1"));
        Assert.Equal(["1"], accepted.Site!.Lanes.Select(l => l.Id));
    }

    [Fact]
    public async Task Removing_a_lane_keeps_the_people_it_served_in_the_sites_total()
    {
        await Site.Configure(Standard("1", "2"));
        await Site.Apply(Batch(Status("2", LaneStatus.Open), Arrived("2", 5), Served("2", 5), Served("1", 2)));

        var removed = await Site.Configure(Standard("1"));
        Assert.Equal(7, removed.Site!.ServedToday);

        // Put back, the lane starts from nothing and the site counts each person once.
        await Site.Configure(Standard("1", "2"));
        await Site.Apply(Batch(Served("2", 1)));
        Assert.Equal(8, (await Site.GetDetail())!.ServedToday);
        Assert.Equal(1, (await LaneOf("2")).ServedToday);
    }

    [Fact]
    public async Task A_late_head_count_or_decision_does_not_undo_a_newer_one()
    {
        await Site.Configure(Standard("1"));
        var now = DateTimeOffset.UtcNow;
        await Site.Apply(Batch(Status("1", LaneStatus.Open, now), HeadCount("1", 40, now)));

        // A phone back online sends what it decided an hour ago: closed, with 500 queued.
        var late = await Site.Apply(Batch(Status("1", LaneStatus.Closed, now.AddHours(-1)), HeadCount("1", 500, now.AddHours(-1))));

        Assert.Equal(2, late.Accepted);
        var lane = await LaneOf("1");
        Assert.Equal((LaneStatus.Open, 40), (lane.Status, lane.QueueLength));

        // Arrivals and serves still count whenever they come, and a newer decision still takes effect.
        await Site.Apply(Batch(Arrived("1", 3), Status("1", LaneStatus.Paused)));
        lane = await LaneOf("1");
        Assert.Equal((LaneStatus.Paused, 43), (lane.Status, lane.QueueLength));
    }

    [Fact]
    public async Task Decisions_seconds_apart_go_in_the_order_they_arrive_whatever_the_phones_clocks_say()
    {
        await Site.Configure(Standard("1"));
        var now = DateTimeOffset.UtcNow;

        // A pause, then an open from a phone whose clock reads 20 s behind: the lead's last tap stands.
        await Site.Apply(Batch(Status("1", LaneStatus.Paused, now)));
        await Site.Apply(Batch(Status("1", LaneStatus.Open, now.AddSeconds(-20)), HeadCount("1", 12, now.AddSeconds(-20))));

        var lane = await LaneOf("1");
        Assert.Equal((LaneStatus.Open, 12), (lane.Status, lane.QueueLength));
    }

    [Fact]
    public async Task A_decision_from_a_fast_clock_does_not_outrank_the_next_one()
    {
        await Site.Configure(Standard("1"));

        // A device whose clock runs 90 s fast opens the lane; the lead closes it a moment later, by the server's clock.
        await Site.Apply(Batch(Status("1", LaneStatus.Open, DateTimeOffset.UtcNow.AddSeconds(90))));
        await Site.Apply(Batch(Status("1", LaneStatus.Closed)));

        Assert.Equal(LaneStatus.Closed, (await LaneOf("1")).Status);
    }

    [Fact]
    public async Task A_tally_typed_ten_times_too_big_counts_its_people_but_does_not_empty_the_lanes_wait()
    {
        await Site.Configure(Standard("1"));
        await Site.Apply(Batch(Status("1", LaneStatus.Open), Arrived("1", 100)));
        await Site.Apply(Batch(Served("1", 1000)));
        await Site.Apply(Batch(Arrived("1", 120)));

        var lane = await LaneOf("1");
        Assert.Equal(1000, lane.ServedToday);
        Assert.True(lane.WaitMinutes >= 4, $"120 queued wait {lane.WaitMinutes} min");
    }

    [Fact]
    public async Task A_serve_from_an_earlier_district_day_is_not_counted_today()
    {
        await Site.Configure(Standard("1"));
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var localNow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, shanghai);
        // Whatever the hour: the lane keeps yesterday's serves apart from today's (the API's 24-hour limit is not the grain's).
        var lastMinuteOfYesterday = new DateTimeOffset(localNow.Date, localNow.Offset).AddMinutes(-1);

        await Site.Apply(Batch(Served("1", 7, lastMinuteOfYesterday), Served("1", 2)));

        Assert.Equal(2, (await LaneOf("1")).ServedToday);
    }

    [Fact]
    public async Task Site_wait_is_the_best_open_standard_lane_and_green_lanes_are_reported_apart()
    {
        await Site.Configure(WithLanes(("1", LaneKind.Standard), ("2", LaneKind.Standard), ("g", LaneKind.Green)));
        await Site.Apply(Batch(
            Status("1", LaneStatus.Open), Arrived("1", 40),
            Status("2", LaneStatus.Open), Arrived("2", 8),
            Status("g", LaneStatus.Open), Arrived("g", 4)));

        var site = (await Site.GetDetail())!;

        // At the default 15 s a person: lane 2's 8 people take 2 minutes, the green lane's 4 take 1.
        Assert.Equal((true, 2, WaitBand.Smooth), (site.Open, site.WaitMinutes, site.WaitBand));
        Assert.Equal((true, (int?)1), (site.GreenLaneOpen, site.GreenWaitMinutes));
        Assert.Equal((52, 3, 3), (site.QueueLength, site.OpenLanes, site.TotalLanes));

        await Site.Apply(Batch(Status("1", LaneStatus.Closed), Status("2", LaneStatus.Paused)));
        site = (await Site.GetDetail())!;
        Assert.Equal(((int?)null, WaitBand.Closed, true), (site.WaitMinutes, site.WaitBand, site.Open));
    }

    [Fact]
    public async Task History_counts_arrivals_and_serves_in_their_minute()
    {
        await Site.Configure(Standard("1"));
        await Site.Apply(Batch(Status("1", LaneStatus.Open), Arrived("1", 6), Served("1", 2)));

        var history = await Site.GetHistory(120);

        Assert.Equal(120, history.Length);
        Assert.Equal((6, 2, 4), (history.Sum(p => p.Arrived), history.Sum(p => p.Served), history[^1].QueueLength));
    }

    private async Task<LaneView> LaneOf(string laneId) => (await Site.GetDetail())!.Lanes.Single(l => l.Id == laneId);

    private async Task<int> QueueOf(string laneId) => (await LaneOf(laneId)).QueueLength;
}
