using System.Collections.Concurrent;
using Microsoft.Playwright;
using QueueBoard.Testing;

namespace QueueBoard.Browser.Tests;

/// <summary>
/// Wall screens run on closed networks: no page may load anything from another host. And a resident's phone asks for
/// the board with the page, not once its scripts have come, and asks once; what it needs only later (the English
/// dictionary, a site's best time to come) it fetches once the page is up, and has it when the network then goes.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NetworkTests(BrowserFixture browser)
{
    [Fact]
    public async Task No_page_requests_anything_from_another_host()
    {
        var code = await browser.App.Admin().NewLeadCodeAsync(PageTests.DemoSite);
        var requested = new ConcurrentQueue<string>();
        async Task<IPage> RecordedPageAsync()
        {
            var page = await browser.NewPageAsync(1280, 900);
            page.Request += (_, request) => requested.Enqueue(request.Url);
            page.WebSocket += (_, socket) => requested.Enqueue(socket.Url);
            return page;
        }

        foreach (var path in new[] { "/", $"/wall/{PageTests.DemoSite}", "/command" })
        {
            var page = await RecordedPageAsync();
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        await Screens.SignInAsync(await RecordedPageAsync(), PageTests.DemoSite, code);
        await Task.Delay(1500, TestContext.Current.CancellationToken);

        var own = browser.App.BaseAddress.Authority;
        Assert.Contains(requested, url => url.Contains("/lib/microsoft-signalr/", StringComparison.Ordinal));
        Assert.Contains(requested, url => url.Contains("/lib/chartjs/", StringComparison.Ordinal));
        Assert.Contains(requested, url => url.StartsWith("ws://", StringComparison.Ordinal));
        Assert.All(requested.Where(url => !url.StartsWith("data:", StringComparison.Ordinal)), url => Assert.Equal(own, new Uri(url).Authority));
    }

    [Fact]
    public async Task The_board_reads_the_district_once_asked_for_by_the_page_itself()
    {
        var board = await browser.NewPageAsync();
        await board.GotoAsync("/");
        await Microsoft.Playwright.Assertions.Expect(board.GetByTestId("site-row").First).ToBeVisibleAsync();

        // Asked for by the page's preload (initiator "link"), and taken by the board's script: a second read would be its
        // own entry, made by "fetch".
        var reads = await board.EvaluateAsync<string[]>(
            "() => performance.getEntriesByType('resource').filter(e => new URL(e.name).pathname === '/api/v1/sites').map(e => e.initiatorType)");
        Assert.Equal(["link"], reads);
    }

    [Fact]
    public async Task The_board_fetches_English_and_best_times_after_it_is_up_and_then_switches_language_with_no_network()
    {
        var board = await browser.NewPageAsync();
        await board.GotoAsync("/");
        await Microsoft.Playwright.Assertions.Expect(board.GetByTestId("site-row").First).ToBeVisibleAsync();

        string[] later = ["/js/i18n/en.js", "/js/forecast.js", "/js/best-time.js", "/js/bar-chart.js"];
        await board.WaitForFunctionAsync(
            "later => later.every(path => performance.getEntriesByType('resource').some(e => new URL(e.name).pathname === path))",
            later, new() { Timeout = 15_000 });
        var early = await board.EvaluateAsync<string[]>(
            """
            later => {
              const loaded = performance.getEntriesByType('navigation')[0].loadEventEnd;
              return performance.getEntriesByType('resource')
                .filter(e => later.includes(new URL(e.name).pathname) && e.startTime < loaded)
                .map(e => new URL(e.name).pathname);
            }
            """, later);
        Assert.Empty(early);

        await board.Context.SetOfflineAsync(true);
        await board.Locator("#lang-toggle").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(board.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await board.Context.SetOfflineAsync(false);
    }
}
