using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace QueueBoard.Browser.Tests;

/// <summary>
/// A wall screen runs for days: its charts keep two hours of points however long it has been up. The page starts with two
/// full hours from the history endpoint, so every minute it then adds would overflow an uncapped chart.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LongRunTests(BrowserFixture browser)
{
    public const int TwoHoursOfMinutes = 120;

    [Fact]
    public async Task A_wall_screen_left_running_for_hours_keeps_at_most_two_hours_of_chart_points()
    {
        var wall = await browser.NewPageAsync(1920, 1080);
        await wall.Clock.InstallAsync();
        await wall.GotoAsync($"/wall/{PageTests.DemoSite}");
        await Expect(wall.GetByTestId("lane-tile").First).ToBeVisibleAsync();

        await wall.WaitForFunctionAsync(
            "n => { const c = document.querySelector('canvas'); const chart = c && Chart.getChart(c); return chart && chart.data.labels.length === n; }",
            TwoHoursOfMinutes);
        var lastMinuteBefore = await LastLabelAsync(wall);

        // Five minutes of the page's clock on charts that are already full. Between minutes, real time passes so that the
        // demo's pushes arrive: the page adds a minute's point only while its data is current.
        for (var minute = 0; minute < 5; minute++)
        {
            await wall.Clock.RunForAsync((long)TimeSpan.FromMinutes(1).TotalMilliseconds);
            await Task.Delay(2500, TestContext.Current.CancellationToken);
        }

        Assert.NotEqual(lastMinuteBefore, await LastLabelAsync(wall));
        Assert.All(await ChartPointCountsAsync(wall), count => Assert.Equal(TwoHoursOfMinutes, count));
    }

    private static Task<string> LastLabelAsync(IPage page) => page.EvaluateAsync<string>(
        "() => { const labels = Chart.getChart(document.querySelector('canvas')).data.labels; return String(labels[labels.length - 1]); }");

    private static Task<int[]> ChartPointCountsAsync(IPage page) => page.EvaluateAsync<int[]>(
        "() => [...document.querySelectorAll('canvas')].map(c => Chart.getChart(c)).filter(Boolean)" +
        ".flatMap(chart => [chart.data.labels.length, ...chart.data.datasets.map(d => d.data.length)])");
}
