using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net;
using QueueBoard.Testing;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Web.Tests;

/// <summary>Site set-up and the public reads: the board, one site, its history and the overview.</summary>
[Collection(AppCollection.Name)]
public sealed class SiteApiTests(QueueBoardAppFactory app)
{
    private readonly HttpClient _admin = app.Admin();
    private readonly HttpClient _public = app.Anonymous();
    private readonly string _siteId = NewSiteId();

    [Fact]
    public async Task A_new_site_is_on_the_board_with_every_contract_field()
    {
        await _admin.CreateSiteAsync(_siteId, Site(("1", "standard"), ("g", "green")));

        var row = (await _public.GetArrayAsync("/api/v1/sites")).Single(s => s!["id"]!.GetValue<string>() == _siteId)!.AsObject();

        Assert.Equal(
            ["area", "greenLaneOpen", "greenWaitMinutes", "greenWaitMinutesHigh", "greenWaitMinutesLow", "id", "latitude", "longitude",
             "name", "nameEn", "nextOpening", "open", "openLanes", "queueLength", "stale", "totalLanes", "updatedAt", "waitBand", "waitMinutes",
             "waitMinutesHigh", "waitMinutesLow", "withinHours"],
            row.Select(p => p.Key).Order());
        Assert.Equal(("群星公园采样点", "closed", 2, false), (row["name"]!.GetValue<string>(), row["waitBand"]!.GetValue<string>(), row.Number("totalLanes"), row["open"]!.GetValue<bool>()));
        Assert.EndsWith("Z", row["updatedAt"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((true, false), (row["withinHours"]!.GetValue<bool>(), row["stale"]!.GetValue<bool>()));

        // Screens take the district's clock from the server, whatever the device's own time zone.
        var clock = await _public.GetJsonAsync("/api/v1/clock");
        Assert.Equal(("Asia/Shanghai", 10), (clock["timeZone"]!.GetValue<string>(), clock.Number("silentAfterMinutes")));
        Assert.InRange(clock["now"]!.GetValue<DateTimeOffset>(), DateTimeOffset.UtcNow.AddSeconds(-10), DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task Every_wait_comes_with_a_likely_range_and_no_wait_has_none()
    {
        await _admin.CreateSiteAsync(_siteId, Site(("1", "standard"), ("2", "standard")));
        await _admin.PostEventsAsync(_siteId, Status("1", "open"), Arrived("1", 40));

        var site = await _public.GetJsonAsync($"/api/v1/sites/{_siteId}");
        var row = (await _public.GetArrayAsync("/api/v1/sites")).Single(s => s!["id"]!.GetValue<string>() == _siteId)!.AsObject();

        var lane = site.Lane("1");
        Assert.True(lane.Number("waitMinutesLow") < lane.Number("waitMinutes") && lane.Number("waitMinutes") < lane.Number("waitMinutesHigh"), lane.ToJsonString());
        Assert.Equal(
            (lane.Number("waitMinutes"), lane.Number("waitMinutesLow"), lane.Number("waitMinutesHigh")),
            (row.Number("waitMinutes"), row.Number("waitMinutesLow"), row.Number("waitMinutesHigh")));
        Assert.Null(site.Lane("2")["waitMinutesLow"]);
        Assert.Null(site.Lane("2")["waitMinutesHigh"]);
        Assert.Null(row["greenWaitMinutesLow"]);
    }

    [Fact]
    public async Task A_planned_break_that_falls_inside_the_wait_is_part_of_it()
    {
        // A break starting within the next few minutes, every day, in the district's time (Asia/Shanghai, UTC+8).
        var local = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddMinutes(3);
        var from = local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var to = local.AddMinutes(30).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await _admin.CreateSiteAsync(_siteId, new
        {
            name = "午休测试点", area = "环市街道", latitude = 22.59, longitude = 113.08,
            lanes = new object[]
            {
                new { id = "1", name = "1号通道", kind = "standard", breaks = new[] { new { from, to } } },
                new { id = "2", name = "2号通道", kind = "standard" },
            },
        });
        await _admin.PostEventsAsync(_siteId, Status("1", "open"), Arrived("1", 40), Status("2", "open"), Arrived("2", 40));

        var site = await _public.GetJsonAsync($"/api/v1/sites/{_siteId}");

        Assert.NotNull(site.Lane("1")["pauseAhead"]);
        Assert.Null(site.Lane("2")["pauseAhead"]);
        Assert.InRange(site.Lane("1").Number("waitMinutes") - site.Lane("2").Number("waitMinutes"), 28, 31);
    }

    [Fact]
    public async Task A_break_that_is_not_a_time_span_is_refused_by_field()
    {
        using var response = await _admin.PutAsJsonAsync($"/api/v1/sites/{_siteId}", new
        {
            name = "午休测试点", area = "环市街道", latitude = 22.59, longitude = 113.08,
            breaks = new[] { new { from = "12:00", to = "25:00" } },
            lanes = new object[] { new { id = "1", name = "1号通道", kind = "standard", breaks = new[] { new { from = "noon", to = "13:00" } } } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.Equal(["breaks[0].to", "lanes[0].breaks[0].from"], errors.Select(e => e.Key).Order());
    }

    [Fact]
    public async Task The_best_time_to_come_is_a_wait_for_each_half_hour_left_today()
    {
        await _admin.CreateSiteAsync(_siteId);
        await _admin.PostEventsAsync(_siteId, Status("1", "open"), Arrived("1", 40));

        var forecast = await _public.GetJsonAsync($"/api/v1/sites/{_siteId}/forecast");
        using var unknown = await _public.GetAsync($"/api/v1/sites/{NewSiteId()}/forecast");

        Assert.Equal("recent", forecast["basis"]!.GetValue<string>());
        var slots = forecast["slots"]!.AsArray();
        Assert.NotEmpty(slots);
        var first = slots[0]!;
        Assert.True(first["from"]!.GetValue<DateTimeOffset>() <= DateTimeOffset.UtcNow && DateTimeOffset.UtcNow < first["to"]!.GetValue<DateTimeOffset>());
        // 40 people at 4 a minute: about 10 minutes, unless the district's day ends first, when the forecast says "not today".
        var dayLeft = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).TimeOfDay;
        if (TimeSpan.FromHours(24) - dayLeft > TimeSpan.FromMinutes(15))
        {
            Assert.InRange(first.Number("waitMinutes"), 0, 11);
        }
        else
        {
            Assert.True(first["waitMinutes"] is null || first.Number("waitMinutes") <= 11, first.ToJsonString());
        }
        Assert.All(slots.Zip(slots.Skip(1)), pair => Assert.Equal(pair.First!["to"]!.GetValue<DateTimeOffset>(), pair.Second!["from"]!.GetValue<DateTimeOffset>()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task An_open_lane_has_a_wait_before_it_has_served_anyone()
    {
        await _admin.CreateSiteAsync(_siteId, Site(("1", "standard"), ("g", "green")));
        await _admin.PostEventsAsync(_siteId, Status("1", "open"), Arrived("1", 8), Status("g", "open"));

        var site = await _public.GetJsonAsync($"/api/v1/sites/{_siteId}");

        Assert.Equal(2, site.Lane("1").Number("waitMinutes"));
        Assert.Equal(("smooth", true, 0), (site["waitBand"]!.GetValue<string>(), site["greenLaneOpen"]!.GetValue<bool>(), site.Number("greenWaitMinutes")));
    }

    [Fact]
    public async Task A_bad_configuration_is_refused_with_each_field_named_and_changes_nothing()
    {
        using var response = await _admin.PutAsJsonAsync($"/api/v1/sites/{_siteId}", new
        {
            name = "",
            area = "环市街道",
            latitude = 95.0,
            longitude = 113.0,
            openHours = new[] { new { from = "8am", to = "24:00" } },
            lanes = new[] { new { id = "1", name = "1号", kind = "vip" }, new { id = "1", name = "1号", kind = "standard" } },
        });
        using var badId = await _admin.PutAsJsonAsync("/api/v1/sites/Not_Valid", StandardSite("1"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key).Order();
        Assert.Equal(["lanes[0].kind", "lanes[1].id", "latitude", "name", "openHours[0].from"], errors);
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        using var missing = await _public.GetAsync($"/api/v1/sites/{_siteId}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Removing_a_lane_with_people_queued_is_409_and_changes_nothing()
    {
        await _admin.CreateSiteAsync(_siteId, StandardSite("1", "2"));
        await _admin.PostEventsAsync(_siteId, Arrived("2", 3));

        using var response = await _admin.PutAsJsonAsync($"/api/v1/sites/{_siteId}", StandardSite("1"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(2, (await _public.GetJsonAsync($"/api/v1/sites/{_siteId}")).Number("totalLanes"));
    }

    [Fact]
    public async Task The_board_answers_304_to_the_etag_it_gave_while_nothing_changed()
    {
        await _admin.CreateSiteAsync(_siteId);

        // Other tests' sites change now and then; a quiet moment is when the tag must hold.
        EntityTagHeaderValue? etag = null;
        var status = HttpStatusCode.OK;
        for (var attempt = 0; attempt < 10 && status != HttpStatusCode.NotModified; attempt++)
        {
            using var first = await _public.GetAsync("/api/v1/sites");
            etag = first.Headers.ETag;
            Assert.NotNull(etag);
            Assert.True(etag.IsWeak);
            using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/sites");
            again.Headers.IfNoneMatch.Add(etag);
            using var answer = await _public.SendAsync(again);
            status = answer.StatusCode;
        }

        Assert.Equal(HttpStatusCode.NotModified, status);
        Assert.NotNull(etag);

        await _admin.CreateSiteAsync(NewSiteId());
        using var changed = new HttpRequestMessage(HttpMethod.Get, "/api/v1/sites");
        changed.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag));
        using var fresh = await _public.SendAsync(changed);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task History_has_one_point_a_minute_up_to_now_and_refuses_bad_spans()
    {
        await _admin.CreateSiteAsync(_siteId);
        await _admin.PostEventsAsync(_siteId, Status("1", "open"), Arrived("1", 5), Served("1", 1));

        var history = await _public.GetArrayAsync($"/api/v1/sites/{_siteId}/history");
        var minutes = history.Select(p => DateTimeOffset.Parse(p!["minute"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(120, history.Count);
        Assert.All(minutes.Zip(minutes.Skip(1)), pair => Assert.Equal(TimeSpan.FromMinutes(1), pair.Second - pair.First));
        Assert.Equal((5, 1, 4), (history.Sum(p => p!.Number("arrived")), history.Sum(p => p!.Number("served")), history[^1]!.Number("queueLength")));
        Assert.Equal(30, (await _public.GetArrayAsync($"/api/v1/sites/{_siteId}/history?minutes=30")).Count);
        foreach (var bad in new[] { "0", "1441", "abc", "-5" })
        {
            using var response = await _public.GetAsync($"/api/v1/sites/{_siteId}/history?minutes={bad}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Fact]
    public async Task Each_lane_has_its_own_minute_history()
    {
        await _admin.CreateSiteAsync(_siteId);
        await _admin.PostEventsAsync(_siteId, Status("1", "open"), Arrived("1", 5), Served("1", 2), Arrived("2", 3));

        var lane1 = await _public.GetArrayAsync($"/api/v1/sites/{_siteId}/lanes/1/history?minutes=10");
        var lane2 = await _public.GetArrayAsync($"/api/v1/sites/{_siteId}/lanes/2/history?minutes=10");
        using var missing = await _public.GetAsync($"/api/v1/sites/{_siteId}/lanes/9/history");

        Assert.Equal(10, lane1.Count);
        Assert.Equal((5, 2, 3), (lane1.Sum(p => p!.Number("arrived")), lane1.Sum(p => p!.Number("served")), lane1[^1]!.Number("queueLength")));
        Assert.Equal((3, 0, 3), (lane2.Sum(p => p!.Number("arrived")), lane2.Sum(p => p!.Number("served")), lane2[^1]!.Number("queueLength")));
        Assert.Null(lane2[^1]!["waitMinutes"]);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_lane_id_with_a_trailing_newline_is_refused()
    {
        using var response = await _admin.PutAsJsonAsync($"/api/v1/sites/{_siteId}", StandardSite("1\n"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("lanes[0].id"));
    }

    [Fact]
    public async Task A_repeated_history_span_is_refused()
    {
        await _admin.CreateSiteAsync(_siteId);

        using var response = await _public.GetAsync($"/api/v1/sites/{_siteId}/history?minutes=5&minutes=10");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_overview_sums_the_district()
    {
        await _admin.CreateSiteAsync(_siteId);
        await _admin.PostEventsAsync(_siteId, Status("1", "open"), Arrived("1", 7), Served("1", 2));

        var overview = await Eventually(
            () => _public.GetJsonAsync("/api/v1/overview"),
            o => o.Number("servedToday") >= 2 && o.Number("openLanes") >= 1);

        Assert.Equal(
            ["alerts", "openLanes", "openSites", "queueLength", "servedToday", "sites", "throughputPerMinute"],
            overview.Select(p => p.Key).Order());
        Assert.True(overview.Number("queueLength") >= 5);
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        var value = await read();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            value = await read();
        }

        Assert.True(done(value), $"not reached within 5 s: {value}");
        return value;
    }
}
