using System.Net;
using System.Text;
using QueueBoard.Testing;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Web.Tests;

/// <summary>Lane events over HTTP as a lead's device sends them: applied all or nothing, once per id.</summary>
[Collection(AppCollection.Name)]
public sealed class EventApiTests(QueueBoardAppFactory app)
{
    private readonly HttpClient _admin = app.Admin();
    private readonly string _siteId = NewSiteId();

    [Fact]
    public async Task Every_event_type_shows_in_the_site()
    {
        await _admin.CreateSiteAsync(_siteId);

        using var response = await _admin.PostEventsAsync(
            _siteId,
            Status("1", "open"),
            Arrived("1", 9),
            Served("1", 3),
            new { lane = "2", type = "queue", count = 12 },
            Status("2", "paused"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, (await response.ReadJsonAsync()).Number("accepted"));
        var site = await app.Anonymous().GetJsonAsync($"/api/v1/sites/{_siteId}");
        var lane1 = site.Lane("1");
        var lane2 = site.Lane("2");
        Assert.Equal(("open", 6, 3), (lane1["status"]!.GetValue<string>(), lane1.Number("queueLength"), lane1.Number("servedToday")));
        Assert.Equal(("paused", 12), (lane2["status"]!.GetValue<string>(), lane2.Number("queueLength")));
        Assert.Null(lane2["waitMinutes"]);
        Assert.Equal(18, site.Number("queueLength"));
    }

    [Fact]
    public async Task One_bad_event_rejects_the_whole_batch_with_errors_keyed_by_index()
    {
        await _admin.CreateSiteAsync(_siteId);

        using var response = await _admin.PostEventsAsync(
            _siteId,
            Arrived("1", 4),
            Arrived("1", 0),
            new { lane = "1", type = "teleported" },
            new { lane = "1", type = "served", count = 1, at = DateTimeOffset.UtcNow.AddHours(-25) },
            Status("1", "sleeping"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.Equal(["events[1].count", "events[2].type", "events[3].at", "events[4].status"], errors.Select(e => e.Key).Order());
        // Read by people integrating a device, in plain English.
        Assert.Equal("For 'arrived', the count is a whole number from 1 to 1000.", errors["events[1].count"]![0]!.GetValue<string>());
        Assert.Equal(0, (await app.Anonymous().GetJsonAsync($"/api/v1/sites/{_siteId}")).Number("queueLength"));
    }

    [Fact]
    public async Task A_batch_naming_a_lane_the_site_lacks_changes_nothing()
    {
        await _admin.CreateSiteAsync(_siteId);

        using var response = await _admin.PostEventsAsync(_siteId, Arrived("1", 4), Arrived("7", 1));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("events[1].lane"));
        Assert.Equal(0, (await app.Anonymous().GetJsonAsync($"/api/v1/sites/{_siteId}")).Number("queueLength"));
    }

    [Fact]
    public async Task A_retried_event_is_counted_as_a_duplicate_and_not_applied_again()
    {
        await _admin.CreateSiteAsync(_siteId);
        var id = Guid.NewGuid().ToString();

        using var first = await _admin.PostEventsAsync(_siteId, Arrived("1", 3, id), Arrived("1", 3, id));
        using var retry = await _admin.PostEventsAsync(_siteId, Arrived("1", 3, id));

        Assert.Equal((1, 1), ((await first.ReadJsonAsync()).Number("accepted"), (await first.ReadJsonAsync()).Number("duplicates")));
        Assert.Equal((0, 1), ((await retry.ReadJsonAsync()).Number("accepted"), (await retry.ReadJsonAsync()).Number("duplicates")));
        Assert.Equal(3, (await app.Anonymous().GetJsonAsync($"/api/v1/sites/{_siteId}")).Lane("1").Number("queueLength"));
    }

    [Fact]
    public async Task A_batchs_answer_names_the_picture_version_that_shows_it_and_pictures_built_before_are_lower()
    {
        await _admin.CreateSiteAsync(_siteId);
        var anonymous = app.Anonymous();
        var before = (await anonymous.GetJsonAsync($"/api/v1/sites/{_siteId}"))["version"]!.GetValue<long>();

        using var first = await _admin.PostEventsAsync(_siteId, Arrived("1", 2));
        var shownIn = (await first.ReadJsonAsync())["version"]!.GetValue<long>();
        var after = await anonymous.GetJsonAsync($"/api/v1/sites/{_siteId}");

        Assert.True(shownIn > before, $"{shownIn} after {before}");
        Assert.True(after["version"]!.GetValue<long>() >= shownIn);
        Assert.Equal(2, after.Lane("1").Number("queueLength"));

        using var second = await _admin.PostEventsAsync(_siteId, Arrived("1", 1));
        Assert.True((await second.ReadJsonAsync())["version"]!.GetValue<long>() > shownIn);
    }

    [Fact]
    public async Task The_queue_never_goes_below_zero()
    {
        await _admin.CreateSiteAsync(_siteId);

        await _admin.PostEventsAsync(_siteId, Arrived("1", 2), Served("1", 6));

        var lane = (await app.Anonymous().GetJsonAsync($"/api/v1/sites/{_siteId}")).Lane("1");
        Assert.Equal((0, 6), (lane.Number("queueLength"), lane.Number("servedToday")));
    }

    [Theory]
    [InlineData("{\"events\":[]}", "events")]
    [InlineData("{\"events\":[{\"lane\":\"1\",\"type\":\"arrived\",\"count\":\"three\"}]}", "events[0].count")]
    [InlineData("{\"events\":[{\"lane\":\"1\",\"type\":\"arrived\",\"count\":1,\"id\":\"abc\"}]}", "events[0].id")]
    [InlineData("{\"events\":[{\"lane\":\"1\",", "events[0]")]
    [InlineData("", "body")]
    [InlineData("[{\"lane\":\"1\",\"type\":\"arrived\",\"count\":1}]", "body")]
    [InlineData("{\"events\":[{\"lane\":\"1\",\"type\":\"arrived\",\"count\":1,\"at\":\"2026-11-29T08:00:00\"}]}", "events[0].at")]
    [InlineData("{\"events\":[null]}", "events[0]")]
    public async Task Malformed_bodies_get_a_validation_problem_naming_the_field(string body, string field)
    {
        await _admin.CreateSiteAsync(_siteId);

        using var response = await _admin.PostAsync(
            $"/api/v1/sites/{_siteId}/events", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task More_than_1000_events_in_a_batch_are_refused()
    {
        await _admin.CreateSiteAsync(_siteId);

        using var response = await _admin.PostEventsAsync(_siteId, [.. Enumerable.Repeat(Arrived("1", 1), 1001)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
