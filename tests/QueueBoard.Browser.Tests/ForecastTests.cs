using System.Text.RegularExpressions;
using QueueBoard.Testing;
using static Microsoft.Playwright.Assertions;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Browser.Tests;

/// <summary>"Best time to come": a site's view on the resident board names the half-hour with the shortest expected wait.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ForecastTests(BrowserFixture browser)
{
    private readonly HttpClient _admin = browser.App.Admin();

    [Fact]
    public async Task A_sites_view_on_the_board_names_the_best_half_hour_to_come_over_a_bar_chart_in_both_languages()
    {
        var siteId = NewSiteId();
        await _admin.CreateSiteAsync(siteId, StandardSite("1"));
        using (var response = await _admin.PostEventsAsync(siteId, Status("1", "open"), Arrived("1", 40)))
        {
            response.EnsureSuccessStatusCode();
        }

        var board = await browser.NewPageAsync();
        await board.GotoAsync("/");
        var row = board.Locator($"[data-testid=site-row][data-site-id={siteId}]");
        await row.Locator("button.row-main").ClickAsync();
        var bestTime = row.GetByTestId("best-time");
        await Expect(bestTime).ToBeVisibleAsync(new() { Timeout = 10_000 });
        var sentence = bestTime.GetByTestId("best-time-text");
        await Expect(sentence).ToHaveTextAsync(BestTimeChinese());
        await Expect(bestTime.GetByTestId("chart-bar").First).ToBeVisibleAsync();

        // A new site has no yesterday to go by, so the forecast holds the last half hour's pace.
        await Expect(bestTime.GetByTestId("best-time-basis")).ToHaveTextAsync("根据最近半小时人流估算");

        await board.Locator("#lang-toggle").ClickAsync();
        await Expect(sentence).ToHaveTextAsync(BestTimeEnglish());
        await Expect(bestTime.GetByTestId("best-time-basis")).ToHaveTextAsync("estimated from the last half hour's arrivals");
    }

    [GeneratedRegex(@"^今天最佳时段：\d{2}:\d{2}–\d{2}:\d{2}，预计")]
    private static partial Regex BestTimeChinese();

    [GeneratedRegex(@"^Best time today: \d{2}:\d{2}–\d{2}:\d{2}, ")]
    private static partial Regex BestTimeEnglish();
}
