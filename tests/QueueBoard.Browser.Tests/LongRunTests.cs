using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace QueueBoard.Browser.Tests;

/// <summary>
/// A wall screen runs for days: its charts keep two hours of points however long it has been up. The page starts with two
/// full hours from the history endpoint, so every minute it then adds would overflow an uncapped chart. The page keeps
/// server time (from response dates), so a real minute has to pass; a faked browser clock would not move the chart.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LongRunTests(BrowserFixture browser)
{
    public const int TwoHoursOfMinutes = 120;

    [Fact]
    public async Task A_full_wall_chart_takes_in_a_new_minute_and_still_holds_two_hours_of_points()
    {
        var wall = await browser.NewPageAsync(1920, 1080);
        await wall.GotoAsync($"/wall/{PageTests.DemoSite}");
        await Expect(wall.GetByTestId("lane-tile").First).ToBeVisibleAsync();
        await wall.WaitForFunctionAsync(
            "n => { const c = document.querySelector('canvas'); const chart = c && Chart.getChart(c); return chart && chart.data.labels.length === n; }",
            TwoHoursOfMinutes);
        var lastMinuteBefore = await LastLabelAsync(wall);

        await wall.WaitForFunctionAsync(
            "before => { const labels = Chart.getChart(document.querySelector('canvas')).data.labels; return String(labels[labels.length - 1]) !== before; }",
            lastMinuteBefore,
            new() { Timeout = 75_000 });

        Assert.All(await ChartPointCountsAsync(wall), count => Assert.Equal(TwoHoursOfMinutes, count));
    }

    private static Task<string> LastLabelAsync(IPage page) => page.EvaluateAsync<string>(
        "() => { const labels = Chart.getChart(document.querySelector('canvas')).data.labels; return String(labels[labels.length - 1]); }");

    private static Task<int[]> ChartPointCountsAsync(IPage page) => page.EvaluateAsync<int[]>(
        "() => [...document.querySelectorAll('canvas')].map(c => Chart.getChart(c)).filter(Boolean)" +
        ".flatMap(chart => [chart.data.labels.length, ...chart.data.datasets.map(d => d.data.length)])");
}
