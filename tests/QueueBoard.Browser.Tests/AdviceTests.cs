using System.Text.RegularExpressions;
using QueueBoard.Testing;
using static Microsoft.Playwright.Assertions;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Browser.Tests;

/// <summary>How sure a wait is and where to go instead: likely ranges, today's accuracy and a faster site nearby.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class AdviceTests(BrowserFixture browser)
{
    // Some 30 km south of the demo district and of every other test's sites, so that nothing else is within walking distance.
    private const double Latitude = 22.30;
    private const double Longitude = 113.45;

    // 0.0045° of latitude is 500 m: 650 m of streets at 4.5 km/h, a 9-minute walk.
    private const double FiveHundredMetres = 0.0045;

    private readonly HttpClient _admin = browser.App.Admin();

    [Fact]
    public async Task A_crowded_site_points_to_an_empty_site_500_m_away_on_its_board_view_and_its_wall_in_both_languages()
    {
        var crowded = NewSiteId();
        var empty = NewSiteId();
        await _admin.CreateSiteAsync(crowded, SiteAt("甲测试采样点", "Test Site A", Latitude, Longitude));
        await _admin.CreateSiteAsync(empty, SiteAt("乙测试采样点", "Test Site B", Latitude + FiveHundredMetres, Longitude));
        // 240 people at the default 15 s each: an hour's wait (crowded), against a 9-minute walk to no queue at all.
        using (var response = await _admin.PostEventsAsync(crowded, Status("1", "open"), Arrived("1", 240)))
        {
            response.EnsureSuccessStatusCode();
        }

        using (var response = await _admin.PostEventsAsync(empty, Status("1", "open")))
        {
            response.EnsureSuccessStatusCode();
        }

        var board = await browser.NewPageAsync();
        await board.GotoAsync("/");
        var row = board.Locator($"[data-testid=site-row][data-site-id={crowded}]");
        await Expect(row.GetByTestId("row-advice")).ToContainTextAsync("乙测试采样点");
        await row.Locator("button.row-main").ClickAsync();
        var boardAdvice = row.GetByTestId("advice");
        await Expect(boardAdvice).ToContainTextAsync("去乙测试采样点更快");
        await Expect(boardAdvice).ToContainTextAsync("步行 9 分钟");

        var wall = await browser.NewPageAsync(1920, 1080);
        await wall.GotoAsync($"/wall/{crowded}");
        var wallAdvice = wall.GetByTestId("advice");
        await Expect(wallAdvice).ToContainTextAsync("去乙测试采样点更快");
        await Expect(wallAdvice).ToContainTextAsync("步行 9 分钟");

        await board.Locator("#lang-toggle").ClickAsync();
        await Expect(boardAdvice).ToContainTextAsync("Faster at Test Site B");
        await Expect(boardAdvice).ToContainTextAsync("9 min walk");
        await Expect(row.GetByTestId("row-advice")).ToContainTextAsync("Test Site B");

        await wall.Locator("#lang-toggle").ClickAsync();
        await Expect(wallAdvice).ToContainTextAsync("Faster at Test Site B");
        await Expect(wallAdvice).ToContainTextAsync("9 min walk");

        // The empty site itself has nowhere better to send anyone.
        await wall.GotoAsync($"/wall/{empty}");
        await Expect(Screens.LaneQueue(wall, "1")).ToHaveTextAsync("0");
        await Expect(wall.GetByTestId("advice")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_lane_with_people_queued_shows_the_likely_range_of_its_wait_on_the_wall_tile_and_the_board()
    {
        var siteId = NewSiteId();
        await _admin.CreateSiteAsync(siteId);
        using (var response = await _admin.PostEventsAsync(siteId, Status("1", "open"), Arrived("1", 40)))
        {
            response.EnsureSuccessStatusCode();
        }

        var wall = await browser.NewPageAsync(1920, 1080);
        await wall.GotoAsync($"/wall/{siteId}");
        await Expect(Screens.LaneQueue(wall, "1")).ToHaveTextAsync("40");
        await Expect(wall.Locator("[data-testid=lane-tile][data-lane-id='1'] [data-testid=lane-wait-range]")).ToContainTextAsync(WaitRange());

        var board = await browser.NewPageAsync();
        await board.GotoAsync("/");
        var row = board.Locator($"[data-testid=site-row][data-site-id={siteId}]");
        await row.Locator("button.row-main").ClickAsync();
        await Expect(row.Locator(".lane-item[data-lane-id='1'] [data-testid=lane-wait]")).ToContainTextAsync(WaitRange());
    }

    [Fact]
    public async Task Once_enough_people_have_been_measured_the_wall_says_how_close_todays_posted_waits_came()
    {
        var siteId = NewSiteId();
        await _admin.CreateSiteAsync(siteId);
        var wall = await browser.NewPageAsync(1920, 1080);
        await wall.GotoAsync($"/wall/{siteId}");
        await Expect(Screens.LaneQueue(wall, "1")).ToHaveTextAsync("0");
        var accuracy = wall.GetByTestId("accuracy");
        await Expect(accuracy).ToBeHiddenAsync();

        // The lane opens, then 30 people join under its posted wait and are served a little later: each one's actual
        // wait is measured (people who join in the batch that opens the lane had no wait posted to them).
        using (var response = await _admin.PostEventsAsync(siteId, Status("1", "open")))
        {
            response.EnsureSuccessStatusCode();
        }

        using (var response = await _admin.PostEventsAsync(siteId, Arrived("1", 30)))
        {
            response.EnsureSuccessStatusCode();
        }

        await Task.Delay(2000, TestContext.Current.CancellationToken);
        using (var response = await _admin.PostEventsAsync(siteId, Served("1", 30)))
        {
            response.EnsureSuccessStatusCode();
        }

        await Expect(accuracy).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(accuracy).ToContainTextAsync(Accuracy());
    }

    private static object SiteAt(string name, string nameEn, double latitude, double longitude) => new
    {
        name,
        nameEn,
        area = "环市街道",
        latitude,
        longitude,
        openHours = new[] { new { from = "00:00", to = "24:00" } },
        lanes = new[] { new { id = "1", name = "1号通道", kind = "standard" } },
    };

    [GeneratedRegex(@"\d+–\d+")]
    private static partial Regex WaitRange();

    [GeneratedRegex(@"±\d+ 分钟.*已核对 \d+ 人")]
    private static partial Regex Accuracy();
}
