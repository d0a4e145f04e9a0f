using System.Collections.Concurrent;
using Microsoft.Playwright;
using QueueBoard.Testing;

namespace QueueBoard.Browser.Tests;

/// <summary>Wall screens run on closed networks: no page may load anything from another host.</summary>
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
}
