using System.Net;
using System.Text;
using QueueBoard.Testing;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Web.Tests;

/// <summary>
/// A day's history by date, the district's history, and the CSV reports, on an app of their own so that the district's
/// sums are exactly the events these tests send.
/// </summary>
public sealed class HistoryAndReportTests : IAsyncLifetime
{
    private static readonly TimeSpan DistrictOffset = TimeSpan.FromHours(8);

    private readonly ConfiguredAppFactory _app = new();
    private HttpClient _admin = null!;
    private HttpClient _public = null!;

    public ValueTask InitializeAsync()
    {
        _admin = _app.Admin();
        _public = _app.Anonymous();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static string Today => DateTimeOffset.UtcNow.ToOffset(DistrictOffset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Todays_history_reports_and_district_sums_equal_the_events_sent()
    {
        await _admin.CreateSiteAsync("north", Site(("1", "standard"), ("2", "standard")));
        await _admin.CreateSiteAsync("south", Site(("1", "standard")));
        await Send("north", Status("1", "open"), Arrived("1", 17), Served("1", 5), Arrived("2", 4));
        await Send("south", Status("1", "open"), Arrived("1", 9), Served("1", 3));

        var northDay = await _public.GetArrayAsync($"/api/v1/sites/north/history?date={Today}");
        var districtDay = await _public.GetArrayAsync($"/api/v1/history?date={Today}");
        var districtRecent = await _public.GetArrayAsync("/api/v1/history?minutes=5");
        var laneDay = await _public.GetArrayAsync($"/api/v1/sites/north/lanes/2/history?date={Today}");
        Assert.Equal((4, 0), (laneDay.Sum(p => p!.Number("arrived")), laneDay.Sum(p => p!.Number("served"))));
        Assert.Equal(northDay.Count, laneDay.Count);
        using (var noLane = await _public.GetAsync($"/api/v1/sites/north/lanes/9/history?date={Today}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, noLane.StatusCode);
        }

        var localMidnight = new DateTimeOffset(DateTimeOffset.UtcNow.ToOffset(DistrictOffset).Date, DistrictOffset);
        Assert.Equal(localMidnight.UtcDateTime, northDay[0]!["minute"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal(21, northDay.Sum(p => p!.Number("arrived")));
        Assert.Equal(5, northDay.Sum(p => p!.Number("served")));
        Assert.Equal(northDay.Count, districtDay.Count);
        Assert.Equal((30, 8), (districtDay.Sum(p => p!.Number("arrived")), districtDay.Sum(p => p!.Number("served"))));
        Assert.Equal(5, districtRecent.Count);
        Assert.Equal(30, districtRecent.Sum(p => p!.Number("arrived")));
        Assert.Equal(16 + 6, districtRecent[^1]!.Number("queueLength"));

        var site = await Csv($"/api/v1/sites/north/report.csv?date={Today}");
        var district = await Csv($"/api/v1/report.csv?date={Today}");

        Assert.Equal("site_id,site_name,lane_id,lane_name,date,hour,arrived,served,peak_queue,mean_wait_minutes,longest_wait_minutes,minutes_open", site[0]);
        Assert.Equal((21, 5), (Column(site, "north", 6), Column(site, "north", 7)));
        Assert.Contains(site, line => line.StartsWith("north,群星公园采样点,,,", StringComparison.Ordinal));
        Assert.Equal((21, 9, 30), (Column(district, "north", 6), Column(district, "south", 6), Column(district, "district", 6)));
        Assert.Equal(8, Column(district, "district", 7));

        // Lane 1 was opened a moment ago and lane 2 never: rows for lane 1 only, counting the minute under way.
        var laneRows = site.Skip(1).Where(line => line.Split(',')[2].Length > 0).Select(line => line.Split(',')).ToList();
        Assert.Equal([("1", "1号通道")], laneRows.Select(row => (row[2], row[3])).Distinct());
        Assert.InRange(laneRows.Sum(row => int.Parse(row[11], System.Globalization.CultureInfo.InvariantCulture)), 1, 2);

        // The printable summary's JSON: the district's day by hour, each site's day without its hours, lanes' minutes open.
        var summary = await _admin.GetJsonAsync($"/api/v1/report.json?date={Today}");
        var summarySites = summary["sites"]!.AsArray().ToDictionary(s => s!["id"]!.GetValue<string>(), s => s!);
        Assert.Equal(Today, summary["date"]!.GetValue<string>());
        Assert.Equal("Asia/Shanghai", summary["timeZone"]!.GetValue<string>());
        Assert.Equal((30, 8), (summary["district"]!.Number("arrived"), summary["district"]!.Number("served")));
        Assert.Equal(30, summary["district"]!["hours"]!.AsArray().Sum(h => h!.Number("arrived")));
        Assert.Equal((21, 5), (summarySites["north"].Number("arrived"), summarySites["north"].Number("served")));
        Assert.Null(summarySites["north"]["hours"]);
        var lanes = summarySites["north"]["lanes"]!.AsArray();
        Assert.Equal(["1", "2"], lanes.Select(l => l!["id"]!.GetValue<string>()));
        Assert.InRange(lanes[0]!.Number("minutesOpen"), 1, 2);
        Assert.Equal(0, lanes[1]!.Number("minutesOpen"));
        Assert.Equal("standard", lanes[0]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Replay_gives_every_site_as_it_stood_at_a_minute_and_refuses_times_outside_the_week()
    {
        await _admin.CreateSiteAsync("north", Site(("1", "standard")));
        await _admin.CreateSiteAsync("south", Site(("1", "standard")));
        await Send("north", Status("1", "open"), Arrived("1", 12), Served("1", 2));

        var frame = await _public.GetJsonAsync($"/api/v1/replay?at={DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ}");
        var sites = frame["sites"]!.AsArray().ToDictionary(s => s!["id"]!.GetValue<string>(), s => s!);

        Assert.Equal(["north", "south"], sites.Keys.Order());
        Assert.Equal((10, 0), (sites["north"].Number("queueLength"), sites["south"].Number("queueLength")));
        Assert.Equal(0, frame["minute"]!.GetValue<DateTimeOffset>().Second);
        foreach (var at in new[] { "yesterday", DateTimeOffset.UtcNow.AddMinutes(5).ToString("o", System.Globalization.CultureInfo.InvariantCulture), "2020-01-01T00:00:00Z" })
        {
            using var refused = await _public.GetAsync($"/api/v1/replay?at={Uri.EscapeDataString(at)}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("at"));
        }
    }

    [Theory]
    [InlineData("?date=2020-01-01")]
    [InlineData("?date=tomorrow")]
    [InlineData("?date=2026-13-01")]
    [InlineData("?minutes=5&date=2026-11-29")]
    public async Task A_day_outside_the_week_or_a_mixed_query_is_refused_by_name(string query)
    {
        using var site = await _public.GetAsync($"/api/v1/sites/north/history{query}");
        using var lane = await _public.GetAsync($"/api/v1/sites/north/lanes/1/history{query}");
        using var district = await _public.GetAsync($"/api/v1/history{query}");
        using var report = await _admin.GetAsync($"/api/v1/report.csv{query}");
        using var summary = await _admin.GetAsync($"/api/v1/report.json{query}");

        // A report takes only a date, so a mixed query is a plain date to it.
        foreach (var response in query.Contains("minutes", StringComparison.Ordinal) ? new[] { site, district, lane } : [site, district, lane, report, summary])
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("date"));
        }
    }

    private async Task Send(string siteId, params object[] events)
    {
        using var response = await _admin.PostEventsAsync(siteId, events);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The report's lines, after checking it starts with the UTF-8 byte order mark Excel needs for Chinese.</summary>
    private async Task<string[]> Csv(string path)
    {
        using var response = await _admin.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>A column summed over a site's own rows (its lanes' rows carry a lane id and only minutes open).</summary>
    private static int Column(string[] lines, string siteId, int column) =>
        lines.Where(line => line.StartsWith(siteId + ",", StringComparison.Ordinal) && line.Split(',')[2].Length == 0).Sum(line => int.Parse(line.Split(',')[column], System.Globalization.CultureInfo.InvariantCulture));
}
