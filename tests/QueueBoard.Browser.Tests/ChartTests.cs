using Microsoft.Playwright;
using QueueBoard.Testing;
using static Microsoft.Playwright.Assertions;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Browser.Tests;

/// <summary>
/// The trend charts of the site wall and the command centre take every push into their data but draw the minute in
/// progress at most every few seconds (a chart lays itself out whole on each draw): what they draw still catches up
/// with the queue the page shows above them. Read from what the chart last drew, not from its data. And the command
/// centre and the site wall build their charts only once their first tiles are on the screen: charts hold a wall's
/// small box for a while.
/// </summary>
[Collection(BrowserApartCollection.Name)]
public sealed class ChartTests(QuietBrowserFixture browser)
{
    // Longer than a chart waits to draw the minute in progress, with room for the push.
    private static readonly PageWaitForFunctionOptions DrawnSoon = new() { Timeout = 20_000 };

    [Fact]
    public async Task The_wall_and_command_charts_draw_a_queue_that_moved_up_to_the_queue_shown()
    {
        using var admin = browser.App.Admin();
        var siteId = NewSiteId();
        await admin.CreateSiteAsync(siteId);
        (await admin.PostEventsAsync(siteId, Status("1", "open"), Arrived("1", 7))).EnsureSuccessStatusCode();

        var wall = await browser.NewPageAsync(1920, 1080);
        await wall.GotoAsync($"/wall/{siteId}");
        var command = await browser.NewPageAsync(1920, 1080);
        await command.GotoAsync("/command");
        await Expect(wall.GetByTestId("site-queue")).ToHaveAttributeAsync("data-value", "7");
        await DrawnAsync(wall, "trend-chart", "site-queue");
        await DrawnAsync(command, "queue-chart", "total-queue");

        (await admin.PostEventsAsync(siteId, Arrived("1", 5))).EnsureSuccessStatusCode();

        await Expect(wall.GetByTestId("site-queue")).ToHaveAttributeAsync("data-value", "12");
        await DrawnAsync(wall, "trend-chart", "site-queue");
        await DrawnAsync(command, "queue-chart", "total-queue");
    }

    [Fact]
    public async Task The_command_centres_tested_per_minute_is_the_count_the_servers_history_keeps_not_the_lanes_pace()
    {
        using var admin = browser.App.Admin();
        var siteId = NewSiteId();
        await admin.CreateSiteAsync(siteId);
        (await admin.PostEventsAsync(siteId, Status("1", "open"), Arrived("1", 30))).EnsureSuccessStatusCode();
        var command = await browser.NewPageAsync(1920, 1080);
        await command.GotoAsync("/command");
        await DrawnAsync(command, "queue-chart", "total-queue");

        // Early in a minute, so that the minute drawn and the minute read stay the same one for the 20 s it may take.
        var second = DateTime.UtcNow.Second;
        if (second > 25)
        {
            await Task.Delay(TimeSpan.FromSeconds(61 - second), TestContext.Current.CancellationToken);
        }

        (await admin.PostEventsAsync(siteId, Served("1", 7))).EnsureSuccessStatusCode();

        // What the chart last drew for the minute in progress, against what the server counts for it.
        var seen = new List<string>();
        for (var tries = 0; tries < 20; tries++)
        {
            var drawn = await command.EvaluateAsync<double?>(
                """
                () => {
                  const meta = Chart.getChart(document.getElementById('throughput-chart'))?.getDatasetMeta(0);
                  return meta && meta.data.length > 0 ? meta.controller.getParsed(meta.data.length - 1).y : null;
                }
                """);
            var minutes = await browser.App.Anonymous().GetArrayAsync("/api/v1/history?minutes=1");
            var served = minutes[^1]!.Number("served");
            seen.Add($"{drawn} drawn, {served} counted");
            if (served >= 7 && drawn == served)
            {
                return;
            }

            await Task.Delay(1000, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"the chart never drew the minute's count: {string.Join("; ", seen)}");
    }

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(1280, 720)]
    public async Task The_wall_chart_keeps_room_to_read_its_lines_while_advice_shows_above_eight_lanes(int width, int height)
    {
        using var admin = browser.App.Admin();
        var crowded = NewSiteId();
        var empty = NewSiteId();
        string[] lanes = ["1", "2", "3", "4", "5", "6", "7", "8"];

        // Far from every other test's sites; the empty one 500 m north, so the crowded wall points to it.
        await admin.CreateSiteAsync(crowded, PlacedSite("丙测试采样点", "Test Site C", "环市街道", 23.40, 113.90, [.. lanes.Select(l => (l, "standard"))]));
        await admin.CreateSiteAsync(empty, PlacedSite("丁测试采样点", "Test Site D", "环市街道", 23.4045, 113.90, ("1", "standard")));
        (await admin.PostEventsAsync(crowded, [.. lanes.Select(l => Status(l, "open")), .. lanes.Select(l => Arrived(l, 240))])).EnsureSuccessStatusCode();
        (await admin.PostEventsAsync(empty, Status("1", "open"))).EnsureSuccessStatusCode();

        var wall = await browser.NewPageAsync(width, height);
        await wall.GotoAsync($"/wall/{crowded}");
        await Expect(wall.GetByTestId("advice")).ToContainTextAsync("丁测试采样点");
        await Expect(wall.GetByTestId("site-queue")).ToHaveAttributeAsync("data-value", "1920");
        await DrawnAsync(wall, "trend-chart", "site-queue");

        var drawn = await wall.EvaluateAsync<double[]>(
            """
            () => {
              const chart = Chart.getChart(document.getElementById('trend-chart'));
              const trend = document.querySelector('.trend').getBoundingClientRect();
              const lastTile = [...document.querySelectorAll('[data-testid=lane-tile]')].at(-1).getBoundingClientRect();
              return [chart.chartArea.bottom - chart.chartArea.top, chart.scales.y.ticks.length, trend.bottom, lastTile.bottom, trend.top];
            }
            """);
        var (plot, ticks, trendBottom, tilesBottom, trendTop) = (drawn[0], drawn[1], drawn[2], drawn[3], drawn[4]);

        // Room to read the lines from 5 m: 7% of the screen's height (75 px of 1,080), the queue's scale in three steps or more.
        Assert.True(plot >= height * 0.07, $"the chart's lines have {plot:0} px of a {height} px screen");
        Assert.True(ticks >= 3, $"the queue's axis shows {ticks} steps");
        Assert.True(trendBottom <= height, $"the trend ends at {trendBottom:0} px of {height}");
        Assert.True(tilesBottom <= trendTop, $"the last lane ends at {tilesBottom:0} px, under the trend's top at {trendTop:0}");

        // The heading is the chart's key: each line's name in the line's own colour.
        foreach (var (key, dataset) in new[] { ("trend-key-queue", 0), ("trend-key-served", 1) })
        {
            var (keyColour, lineColour) = (
                await wall.EvaluateAsync<string>($"() => getComputedStyle(document.getElementById('{key}')).color"),
                await wall.EvaluateAsync<string>($"() => {{ const c = document.createElement('i'); c.style.color = Chart.getChart(document.getElementById('trend-chart')).data.datasets[{dataset}].borderColor; document.body.append(c); const v = getComputedStyle(c).color; c.remove(); return v; }}"));
            Assert.Equal(lineColour, keyColour);
        }
    }

    [Theory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task The_command_centres_chart_times_stand_apart(int width, int height)
    {
        using var admin = browser.App.Admin();
        var siteId = NewSiteId();
        await admin.CreateSiteAsync(siteId);
        // A district's figures: five-digit queues and four-digit paces widen the scales and narrow the times' room.
        (await admin.PostEventsAsync(siteId, Status("1", "open"), new { lane = "1", type = "queue", count = 12_000 }, Served("1", 1000))).EnsureSuccessStatusCode();

        var command = await browser.NewPageAsync(width, height);
        await command.GotoAsync("/command");
        await DrawnAsync(command, "queue-chart", "total-queue");

        // Laid out over the two hours of the history, not only the minutes since the page came.
        await command.WaitForFunctionAsync(
            "() => ['queue-chart', 'throughput-chart'].every((id) => Chart.getChart(document.getElementById(id))?.scales.x.ticks.length >= 3)",
            null,
            DrawnSoon);

        foreach (var canvas in new[] { "queue-chart", "throughput-chart" })
        {
            // Each shown time's left and right edge as the chart draws it, in its own font, in order.
            var edges = await command.EvaluateAsync<double[]>(
                """
                (canvas) => {
                  const chart = Chart.getChart(document.getElementById(canvas));
                  const ctx = chart.ctx;
                  return chart.scales.x.getLabelItems().flatMap((item) => {
                    ctx.font = item.font.string;
                    const half = ctx.measureText(String(item.label)).width / 2;
                    return [item.options.translation[0] - half, item.options.translation[0] + half];
                  });
                }
                """,
                canvas);

            Assert.True(edges.Length >= 4, $"{canvas} shows {edges.Length / 2} times");
            for (var i = 1; i + 1 < edges.Length; i += 2)
            {
                Assert.True(edges[i + 1] - edges[i] >= 6, $"{canvas}: time {(i / 2) + 2} starts {edges[i + 1] - edges[i]:0.0} px after the one before it ends");
            }
        }
    }

    /// <summary>Waits until the queue series of the chart on <paramref name="canvas"/> was last drawn ending at <paramref name="figure"/>'s value.</summary>
    private static async Task DrawnAsync(IPage page, string canvas, string figure) => await page.WaitForFunctionAsync(
        """
        ([canvas, figure]) => {
          const chart = Chart.getChart(document.getElementById(canvas));
          const meta = chart?.getDatasetMeta(0);
          if (!meta || meta.data.length === 0) return false;
          const shown = document.querySelector(`[data-testid=${figure}]`).dataset.value;
          return shown !== '' && meta.controller.getParsed(meta.data.length - 1).y === Number(shown);
        }
        """,
        new object[] { canvas, figure },
        DrawnSoon);

    [Theory]
    [InlineData("/command", "site-tile")]
    [InlineData("/wall/{0}", "lane-tile")]
    public async Task The_command_centre_and_the_wall_put_their_tiles_on_the_screen_before_they_build_their_charts(string path, string tile)
    {
        using var admin = browser.App.Admin();
        var siteId = NewSiteId();
        await admin.CreateSiteAsync(siteId);

        var page = await browser.NewPageAsync(1920, 1080);
        // The page's own clock for its first tile and for the first chart Chart.js is asked to build.
        await page.AddInitScriptAsync(
            """
            window.__firstTile = null;
            window.__firstChart = null;
            new MutationObserver((records, observer) => {
              if (!document.querySelector('[data-testid=TILE]')) return;
              window.__firstTile = performance.now();
              observer.disconnect();
            }).observe(document, { childList: true, subtree: true });
            let chart;
            Object.defineProperty(window, 'Chart', {
              configurable: true,
              get: () => chart,
              set: (value) => {
                chart = new Proxy(value, { construct: (target, args) => { window.__firstChart ??= performance.now(); return Reflect.construct(target, args); } });
              },
            });
            """.Replace("TILE", tile, StringComparison.Ordinal));
        await page.GotoAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, siteId));
        await page.WaitForFunctionAsync("() => window.__firstTile !== null && window.__firstChart !== null", null, DrawnSoon);

        var (tileAt, chartAt) = (await page.EvaluateAsync<double>("() => window.__firstTile"), await page.EvaluateAsync<double>("() => window.__firstChart"));
        Assert.True(tileAt < chartAt, $"first tile at {tileAt:0} ms, first chart built at {chartAt:0} ms");
    }
}
