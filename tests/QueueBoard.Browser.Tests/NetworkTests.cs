using System.Collections.Concurrent;
using Microsoft.Playwright;
using QueueBoard.Testing;

namespace QueueBoard.Browser.Tests;

/// <summary>
/// Wall screens run on closed networks: no page may load anything from another host. And a resident's phone asks for
/// the board with the page, not once its scripts have come, and asks once.
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
}
