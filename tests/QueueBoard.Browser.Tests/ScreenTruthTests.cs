using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using QueueBoard.Testing;
using static Microsoft.Playwright.Assertions;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Browser.Tests;

/// <summary>
/// Screens tell the truth about time and state: the district's clock on a screen set to another zone, numbers greyed and
/// alerted once a site falls silent, the lane to join named on the wall with one rate per lane, a site outside its hours
/// resting with its next opening, and the resident board's green-lane filter and directions.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ScreenTruthTests(BrowserFixture browser)
{
    private static readonly TimeZoneInfo District = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private readonly HttpClient _admin = browser.App.Admin();

    [Fact]
    public async Task A_screen_set_to_UTC_shows_the_districts_time_on_the_wall_and_command_clocks_in_both_languages()
    {
        Chromium.Require();
        foreach (var path in new[] { $"/wall/{PageTests.DemoSite}", "/command" })
        {
            var context = await browser.Browser.NewContextAsync(new()
            {
                BaseURL = browser.App.BaseAddress.ToString(),
                Locale = "zh-CN",
                TimezoneId = "UTC",
                ViewportSize = new() { Width = 1920, Height = 1080 },
            });
            var page = await context.NewPageAsync();
            await page.GotoAsync(path);
            Assert.Equal("UTC", await page.EvaluateAsync<string>("() => Intl.DateTimeFormat().resolvedOptions().timeZone"));

            var clock = page.Locator("#clock");
            await Expect(clock).ToHaveTextAsync(DistrictClock());
            await page.Locator("#lang-toggle").ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await Expect(clock).ToHaveTextAsync(DistrictClock());
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_admin_pages_report_day_is_the_districts_today_on_a_device_whose_date_is_another()
    {
        Chromium.Require();

        // Of two zones 25 hours apart, one is always on another date than the district.
        var district = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        string[] zones = ["Pacific/Kiritimati", "Pacific/Pago_Pago"];
        var zone = zones.First(z => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(z)).Date != district.Date);
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = browser.App.BaseAddress.ToString(),
            Locale = "zh-CN",
            TimezoneId = zone,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/command/admin");

        var day = page.GetByTestId("report-date");
        var today = district.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Expect(day).ToHaveValueAsync(today);
        await Expect(day).ToHaveAttributeAsync("max", today);
        await Expect(day).ToHaveAttributeAsync("min", district.AddDays(-6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_site_silent_past_the_threshold_is_greyed_and_sorted_after_fresh_sites_and_alerted_until_it_reports()
    {
        Chromium.Require();
        await using var app = new ConfiguredAppFactory(("QueueBoard:SilentAfterMinutes", "0.25"), ("QueueBoard:SiteRefreshInterval", "00:00:02"));
        using var admin = app.Admin();
        var silent = NewSiteId();
        var steady = NewSiteId();
        await admin.CreateSiteAsync(silent, SiteWith("甲测试采样点", "Test Site A"));
        await admin.CreateSiteAsync(steady, SiteWith("乙测试采样点", "Test Site B"));
        // The silent site has the shorter wait: 8 people against 60.
        await admin.PostEventsAcceptedAsync(silent, Status("1", "open"), Arrived("1", 8));
        await admin.PostEventsAcceptedAsync(steady, Status("1", "open"), Arrived("1", 60));

        var board = await browser.NewPageAsync(412, 900, app.BaseAddress);
        await board.GotoAsync("/");
        var silentRow = Row(board, silent);
        var steadyRow = Row(board, steady);
        await Expect(silentRow).ToHaveAttributeAsync("data-stale", "false");
        await Expect(silentRow.GetByTestId("row-freshness")).ToContainTextAsync("更新");
        await Expect(silentRow.GetByTestId("row-freshness")).Not.ToContainTextAsync("数据可能已过时");
        await Expect(board.GetByTestId("site-row").First).ToHaveAttributeAsync("data-site-id", silent);

        var command = await browser.NewPageAsync(1920, 1080, app.BaseAddress);
        await command.GotoAsync("/command");
        await Expect(command.GetByTestId("site-tile")).ToHaveCountAsync(2);
        var alert = command.Locator($"[data-testid=alert][data-kind=silent][data-site-id={silent}]");
        await Expect(alert).ToHaveCountAsync(0);

        // Neither site reports again: 15 s later the server finds both silent (it looks every 10 s).
        await Expect(silentRow).ToHaveAttributeAsync("data-stale", "true", new() { Timeout = 40_000 });
        await Expect(silentRow).ToHaveClassAsync(IsStale());
        await Expect(silentRow.GetByTestId("row-freshness")).ToContainTextAsync("数据可能已过时");
        await Expect(alert).ToContainTextAsync("未上报", new() { Timeout = 40_000 });
        await Expect(alert).ToContainTextAsync("仍有 8 人排队");

        // The other site reports: fresh numbers come first, though the silent site's wait is shorter.
        await admin.PostEventsAcceptedAsync(steady, Arrived("1", 1));
        await Expect(steadyRow).ToHaveAttributeAsync("data-stale", "false", new() { Timeout = 10_000 });
        await Expect(board.GetByTestId("site-row").First).ToHaveAttributeAsync("data-site-id", steady);
        await Expect(board.GetByTestId("site-row").Nth(1)).ToHaveAttributeAsync("data-site-id", silent);
        await Screenshots.SaveAsync(board, "board-stale");

        await board.Locator("#lang-toggle").ClickAsync();
        await Expect(silentRow.GetByTestId("row-freshness")).ToContainTextAsync("may be out of date");
        await command.Locator("#lang-toggle").ClickAsync();
        await Expect(alert).ToContainTextAsync("Silent: last report");
        await Expect(alert).ToContainTextAsync("8 still queued");

        // Its next event clears both.
        await admin.PostEventsAcceptedAsync(silent, Arrived("1", 1));
        await Expect(silentRow).ToHaveAttributeAsync("data-stale", "false", new() { Timeout = 10_000 });
        await Expect(silentRow).Not.ToHaveClassAsync(IsStale());
        await Expect(silentRow.GetByTestId("row-freshness")).Not.ToContainTextAsync("may be out of date");
        await Expect(alert).ToHaveCountAsync(0, new() { Timeout = 10_000 });
    }

    [Fact]
    public async Task The_wall_headline_names_the_lane_with_the_shortest_wait_and_a_paused_lane_shows_its_state_and_no_rate()
    {
        var siteId = NewSiteId();
        await _admin.CreateSiteAsync(siteId, SiteWith("丙测试采样点", "Test Site C"));
        await _admin.PostEventsAcceptedAsync(siteId,
            Status("1", "open"), Arrived("1", 80),
            Status("2", "open"), Arrived("2", 60), Status("2", "paused"),
            Status("3", "open"), Arrived("3", 20),
            Status("g", "open"), Arrived("g", 12));
        var site = await browser.App.Anonymous().GetJsonAsync($"/api/v1/sites/{siteId}");
        var wait = site.Lane("3").Number("waitMinutes");
        var greenWait = site.Lane("g").Number("waitMinutes");
        Assert.True(wait > 0 && wait < site.Lane("1").Number("waitMinutes"), $"lane 3 waits {wait} min, lane 1 {site.Lane("1")["waitMinutes"]}");
        Assert.Null(site.Lane("2")["waitMinutes"]);
        Assert.True(greenWait > 0, $"the green lane waits {greenWait} min");

        var wall = await browser.NewPageAsync(1920, 1080);
        await wall.GotoAsync($"/wall/{siteId}");
        var headline = wall.GetByTestId("wall-headline");
        await Expect(headline).ToHaveAttributeAsync("data-lane-id", "3");
        await Expect(headline).ToContainTextAsync($"请排 3 号通道 · 约 {wait} 分钟");
        await Expect(headline).ToContainTextAsync($"绿色通道 · 约 {greenWait} 分钟");

        var open = Tile(wall, "3");
        await Expect(open.GetByTestId("lane-wait")).ToHaveTextAsync(wait.ToString(CultureInfo.InvariantCulture));
        await Expect(open.GetByTestId("lane-queue")).ToHaveTextAsync("20");
        await Expect(open.GetByTestId("lane-throughput")).ToHaveTextAsync(Rate());
        await Expect(open).ToContainTextAsync("每分钟");

        var paused = Tile(wall, "2");
        await Expect(paused).ToHaveAttributeAsync("data-status", "paused");
        await Expect(paused.GetByTestId("lane-status")).ToHaveTextAsync("暂停");
        await Expect(paused.GetByTestId("lane-queue")).ToHaveTextAsync("60");
        await Expect(paused.GetByTestId("lane-wait")).ToBeEmptyAsync();
        await Expect(paused.GetByTestId("lane-throughput")).ToHaveCountAsync(0);
        await Expect(paused).Not.ToContainTextAsync("每分钟");

        await wall.Locator("#lang-toggle").ClickAsync();
        await Expect(headline).ToContainTextAsync($"Join lane 3 · about {wait} min");
        await Expect(headline).ToContainTextAsync($"Green lane · about {greenWait} min");
        await Expect(paused.GetByTestId("lane-status")).ToHaveTextAsync("Paused");
        await Expect(paused).Not.ToContainTextAsync("per min");
        await Expect(open).ToContainTextAsync("per min");

        // The site's view on the board tells the same story: the headline wait is the fastest lane's.
        var board = await browser.NewPageAsync();
        await board.GotoAsync("/");
        var row = Row(board, siteId);
        await row.Locator("button.row-main").ClickAsync();
        await Expect(row.GetByTestId("site-headline")).ToContainTextAsync($"最快通道约 {wait} 分钟");
        var pausedItem = row.Locator(".lane-item[data-lane-id='2']");
        await Expect(pausedItem.GetByTestId("lane-status")).ToHaveTextAsync("暂停");
        await Expect(pausedItem.GetByTestId("lane-wait")).ToHaveCountAsync(0);
        await Expect(pausedItem.GetByTestId("lane-pace")).ToHaveCountAsync(0);
        await Expect(row.Locator(".lane-item[data-lane-id='3'] [data-testid=lane-pace]")).ToContainTextAsync(RateInWords());
        await board.Locator("#lang-toggle").ClickAsync();
        await Expect(row.GetByTestId("site-headline")).ToContainTextAsync($"Fastest lane ~{wait} min");

        // The README's wall is the demo district's busiest kind of site, in Chinese.
        var demo = await browser.NewPageAsync(1920, 1080);
        await demo.GotoAsync($"/wall/{PageTests.DemoSite}");
        await Expect(demo.GetByTestId("lane-tile")).ToHaveCountAsync(PageTests.DemoSiteLanes);
        await Expect(demo.GetByTestId("wall-headline")).Not.ToBeEmptyAsync();
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        await Screenshots.SaveAsync(demo, "wall");
    }

    [Fact]
    public async Task A_site_outside_its_hours_shows_resting_and_its_next_opening_on_the_board_and_the_wall_in_both_languages()
    {
        // Hours that begin two hours from now (in the district's clock) and last two hours: now is outside them.
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, District);
        var opens = now.AddHours(2);
        var from = opens.ToString("HH:mm", CultureInfo.InvariantCulture);
        var to = opens.AddHours(2).ToString("HH:mm", CultureInfo.InvariantCulture);
        var (dayZh, dayEn) = opens.Date == now.Date ? ("今日", "today") : ("明日", "tomorrow");
        var siteId = NewSiteId();
        await _admin.CreateSiteAsync(siteId, SiteWith("丁测试采样点", "Test Site D", from: from, to: to));
        // Its lead left a lane open with people in it: the site rests all the same.
        await _admin.PostEventsAcceptedAsync(siteId, Status("1", "open"), Arrived("1", 5));

        var board = await browser.NewPageAsync();
        await board.GotoAsync("/");
        var row = Row(board, siteId);
        await Expect(row.GetByTestId("row-opening")).ToHaveTextAsync($"{dayZh} {from} 开放");
        await Expect(row.Locator(".row-wait")).ToContainTextAsync("休息中");
        await Expect(row).Not.ToContainTextAsync("已关闭");
        await row.Locator("button.row-main").ClickAsync();
        await Expect(row.GetByTestId("site-headline")).ToHaveTextAsync($"休息中 · {dayZh} {from} 开放");
        var lane = row.Locator(".lane-item[data-lane-id='1']");
        await Expect(lane.GetByTestId("lane-status")).ToHaveTextAsync("休息中");
        await Expect(lane.GetByTestId("lane-wait")).ToHaveCountAsync(0);
        await Expect(lane).Not.ToContainTextAsync("开放");
        await Screenshots.SaveAsync(row, "board-resting");

        var wall = await browser.NewPageAsync(1920, 1080);
        await wall.GotoAsync($"/wall/{siteId}");
        var headline = wall.GetByTestId("wall-headline");
        await Expect(headline).ToHaveTextAsync($"休息中 · {dayZh} {from} 开放");
        await Expect(headline).ToHaveAttributeAsync("data-lane-id", "");
        await Expect(wall.GetByTestId("site-band")).ToHaveTextAsync("休息中");
        var tile = Tile(wall, "1");
        await Expect(tile).ToHaveAttributeAsync("data-status", "resting");
        await Expect(tile.GetByTestId("lane-status")).ToHaveTextAsync("休息中");
        await Expect(tile.GetByTestId("lane-queue")).ToHaveTextAsync("5");
        await Expect(tile.GetByTestId("lane-wait")).ToBeEmptyAsync();
        await Expect(tile.GetByTestId("lane-throughput")).ToHaveCountAsync(0);

        await wall.Locator("#lang-toggle").ClickAsync();
        await Expect(headline).ToHaveTextAsync($"Resting · opens {dayEn} {from}");
        await Expect(tile.GetByTestId("lane-status")).ToHaveTextAsync("Resting");
        await board.Locator("#lang-toggle").ClickAsync();
        await Expect(row.GetByTestId("row-opening")).ToHaveTextAsync($"opens {dayEn} {from}");
        await Expect(row.GetByTestId("site-headline")).ToHaveTextAsync($"Resting · opens {dayEn} {from}");
    }

    [Fact]
    public async Task The_green_lane_filter_leaves_only_sites_with_a_green_lane_open_and_a_sites_view_links_to_directions()
    {
        // Names of this test's own, so that a search shows its two sites alone, whatever the demo's lanes are doing.
        var tag = $"{Guid.NewGuid():N}"[..6];
        var withGreen = NewSiteId();
        var withoutGreen = NewSiteId();
        const double Latitude = 22.9631;
        const double Longitude = 112.7155;
        await _admin.CreateSiteAsync(withGreen, SiteWith($"绿道甲{tag}", $"Green A {tag}", Latitude, Longitude));
        await _admin.CreateSiteAsync(withoutGreen, SiteWith($"绿道乙{tag}", $"Green B {tag}"));
        await _admin.PostEventsAcceptedAsync(withGreen, Status("1", "open"), Status("g", "open"));
        await _admin.PostEventsAcceptedAsync(withoutGreen, Status("1", "open"));

        var board = await browser.NewPageAsync();
        await board.GotoAsync("/");
        await board.Locator("#search").FillAsync(tag);
        await Expect(board.GetByTestId("site-row")).ToHaveCountAsync(2);

        var filter = board.GetByTestId("green-filter");
        await Expect(filter).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(filter).ToHaveTextAsync("只看绿色通道");
        await filter.FocusAsync();
        await board.Keyboard.PressAsync("Space");
        await Expect(filter).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(board.GetByTestId("site-row")).ToHaveCountAsync(1);
        await Expect(Row(board, withGreen)).ToBeVisibleAsync();
        await Expect(Row(board, withoutGreen)).ToHaveCountAsync(0);

        await board.Locator("#lang-toggle").ClickAsync();
        await Expect(filter).ToHaveTextAsync("Green lane only");
        await Expect(board.GetByTestId("site-row")).ToHaveCountAsync(1);
        await filter.ClickAsync();
        await Expect(filter).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(board.GetByTestId("site-row")).ToHaveCountAsync(2);

        var row = Row(board, withGreen);
        await row.Locator("button.row-main").ClickAsync();
        var directions = row.GetByTestId("site-directions");
        await Expect(directions).ToContainTextAsync("Directions");
        await Expect(directions).ToHaveAttributeAsync("href", DirectionsUrl(Latitude, Longitude, $"Green A {tag}"));
        await Expect(directions).ToHaveAttributeAsync("target", "_blank");
        await Expect(directions).ToHaveAttributeAsync("rel", "noopener");
        await board.Locator("#lang-toggle").ClickAsync();
        await Expect(directions).ToContainTextAsync("导航");
        await Expect(directions).ToHaveAttributeAsync("href", DirectionsUrl(Latitude, Longitude, $"绿道甲{tag}"));
    }

    [Fact]
    public async Task A_site_where_only_its_green_lane_serves_is_shown_as_such_and_counted_once_not_as_closed()
    {
        var tag = $"{Guid.NewGuid():N}"[..6];
        var siteId = NewSiteId();
        await _admin.CreateSiteAsync(siteId, SiteWith($"绿道丙{tag}", $"Green C {tag}"));
        await _admin.PostEventsAcceptedAsync(siteId, Status("g", "open"), Arrived("g", 4));

        var board = await browser.NewPageAsync();
        await board.GotoAsync("/");
        await board.Locator("#search").FillAsync(tag);
        var row = Row(board, siteId);
        await Expect(row).ToHaveClassAsync(new Regex(@"\bband-green\b"));
        await Expect(row).ToContainTextAsync("仅绿色通道");
        await Expect(row).Not.ToContainTextAsync("已关闭");
        await Expect(board.Locator("#board-summary")).ToHaveTextAsync("1 个采样点开放，只有绿色通道在采样");
        await Expect(board.Locator(".legend")).ToContainTextAsync("仅绿色通道");
        await board.GetByTestId("green-filter").ClickAsync();
        await Expect(row).ToBeVisibleAsync();

        // On the command centre, in the green count and its area's open sites; no longer in either once a standard lane opens.
        var command = await browser.NewPageAsync(1920, 1080);
        await command.GotoAsync("/command");
        var tile = command.Locator($"[data-testid=site-tile][data-site-id={siteId}]");
        await Expect(tile).ToHaveClassAsync(new Regex(@"\bband-green\b"));
        await Expect(command.Locator(".band-counts li[data-band=green]")).ToBeVisibleAsync();

        await _admin.PostEventsAcceptedAsync(siteId, Status("1", "open"));
        await Expect(row).ToHaveClassAsync(new Regex(@"\bband-smooth\b"));
        await Expect(tile).ToHaveClassAsync(new Regex(@"\bband-smooth\b"));
    }

    private static ILocator Row(IPage board, string siteId) => board.Locator($"[data-testid=site-row][data-site-id={siteId}]");

    private static ILocator Tile(IPage wall, string laneId) => wall.Locator($"[data-testid=lane-tile][data-lane-id='{laneId}']");

    private static string DirectionsUrl(double latitude, double longitude, string name) =>
        string.Create(CultureInfo.InvariantCulture,
            $"https://uri.amap.com/marker?position={longitude},{latitude}&name={Uri.EscapeDataString(name)}&coordinate=wgs84&callnative=1");

    // The district's HH:mm now, or a few seconds either side: the clock ticks once a second and Expect reads it for up to 5 s.
    private static Regex DistrictClock()
    {
        var now = DateTimeOffset.UtcNow;
        var minutes = new[] { now.AddSeconds(-2), now, now.AddSeconds(10) }
            .Select(at => Regex.Escape(TimeZoneInfo.ConvertTime(at, District).ToString("HH:mm", CultureInfo.InvariantCulture)))
            .Distinct();
        return new Regex($"^({string.Join('|', minutes)}):\\d{{2}}$");
    }

    [GeneratedRegex(@"\bis-stale\b")]
    private static partial Regex IsStale();

    [GeneratedRegex(@"^\d+\.\d$")]
    private static partial Regex Rate();

    [GeneratedRegex(@"\d+\.\d")]
    private static partial Regex RateInWords();
}
