using System.Text.RegularExpressions;
using Microsoft.Playwright;
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
    public async Task A_bar_charts_table_of_values_is_there_for_a_screen_reader_without_widening_a_320_px_phone()
    {
        var page = await browser.NewPageAsync(320, 640);
        await page.GotoAsync("/");

        // The shared chart of the board's best time and the daily summary, with as many bars and as long words as the
        // summary's day of 24 hours in English.
        var widths = await page.EvaluateAsync<int[]>(
            """
            async () => {
              const { barChart } = await import('/js/bar-chart.js');
              const bars = Array.from({ length: 24 }, (_, hour) => ({
                share: hour / 24, tick: hour % 3 === 0 ? `${hour}:00` : '', name: `Monday, 7 December 2026, ${hour}:00 to ${hour + 1}:00`,
                valueText: [`${hour * 1000} people arrived`, `${hour * 900} people tested`],
              }));
              document.querySelector('main').append(barChart({
                label: 'Arrived and tested per hour', caption: 'Arrived and tested per hour, each hour of the day',
                headings: ['Hour of the day', 'Arrived (people)', 'Tested (people)'], bars,
              }));
              return [document.documentElement.scrollWidth, document.documentElement.clientWidth];
            }
            """);

        Assert.True(widths[0] <= widths[1], $"the page scrolls sideways to {widths[0]} px in {widths[1]}");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Arrived and tested per hour, each hour of the day" })).ToHaveCountAsync(1);
    }

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
