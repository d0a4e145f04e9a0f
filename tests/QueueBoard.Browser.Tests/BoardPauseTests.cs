using System.Net.Http.Json;
using System.Collections.Concurrent;
using Microsoft.Playwright;
using QueueBoard.Testing;
using static Microsoft.Playwright.Assertions;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Browser.Tests;

/// <summary>
/// A resident's board left open in a pocket: after a minute hidden it lets go of its live connection (a district's pushes
/// would otherwise cost the phone tens of megabytes an hour), and when it shows again it reconnects and has what changed.
/// Neither loading nor returning brings the whole board over the socket: the page reads it once over HTTP (compressed)
/// and watches from that version, then from the last push it took.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardPauseTests(BrowserFixture browser)
{
    private readonly HttpClient _admin = browser.App.Admin();
    private readonly string _siteId = NewSiteId();

    [Fact]
    public async Task A_board_hidden_for_a_minute_stops_taking_pushes_and_shows_what_changed_when_it_returns()
    {
        var cancel = TestContext.Current.CancellationToken;
        await _admin.CreateSiteAsync(_siteId);
        var board = await browser.NewPageAsync();
        var frames = new ConcurrentQueue<string>();
        board.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) => frames.Enqueue(frame.Text ?? "");
        await board.Clock.InstallAsync();
        await board.GotoAsync("/");
        var queue = board.Locator($"[data-testid=site-row][data-site-id={_siteId}] [data-testid=row-queue]");
        var updated = board.Locator("#updated-ago");
        await Expect(queue).ToHaveAttributeAsync("data-value", "0");
        await Expect(updated).ToContainTextAsync("实时");

        // Hidden for under a minute, it stays live.
        await SetVisibilityAsync(board, "hidden");
        await board.Clock.FastForwardAsync("00:30");
        await _admin.PostEventsAsync(_siteId, Status("1", "open"), Arrived("1", 2));
        await Expect(queue).ToHaveAttributeAsync("data-value", "2");

        // Past the minute, it lets go: a change made now does not reach it.
        await board.Clock.FastForwardAsync("00:35");
        await Expect(updated).ToContainTextAsync("未连接");
        await _admin.PostEventsAsync(_siteId, Arrived("1", 3));
        await Task.Delay(2000, cancel);
        await Expect(queue).ToHaveAttributeAsync("data-value", "2");

        await SetVisibilityAsync(board, "visible");
        await Expect(queue).ToHaveAttributeAsync("data-value", "5");
        await Expect(updated).ToContainTextAsync("实时");

        // Live again: the next change arrives by push.
        await _admin.PostEventsAsync(_siteId, Arrived("1", 1));
        await Expect(queue).ToHaveAttributeAsync("data-value", "6");

        Assert.Contains(frames, f => f.Contains("\"target\":\"boardChanged\"", StringComparison.Ordinal));
        Assert.DoesNotContain(frames, f => f.Contains("\"target\":\"boardUpdated\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_board_back_from_a_pause_shows_a_site_renamed_meanwhile()
    {
        await _admin.CreateSiteAsync(_siteId);
        var board = await browser.NewPageAsync();
        await board.Clock.InstallAsync();
        await board.GotoAsync("/");
        var name = board.Locator($"[data-testid=site-row][data-site-id={_siteId}] .row-name");
        await Expect(name).ToHaveTextAsync("群星公园采样点");

        await SetVisibilityAsync(board, "hidden");
        await board.Clock.FastForwardAsync("01:05");
        await Expect(board.Locator("#updated-ago")).ToContainTextAsync("未连接");
        using (var put = await _admin.PutAsJsonAsync($"/api/v1/sites/{_siteId}", NamedSite("群星公园东门采样点", "Qunxing Park East Gate", ("1", "standard"), ("2", "standard")), TestContext.Current.CancellationToken))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, put.StatusCode);
        }

        await SetVisibilityAsync(board, "visible");
        await Expect(board.Locator("#updated-ago")).ToContainTextAsync("实时");
        await Expect(name).ToHaveTextAsync("群星公园东门采样点");
    }

    private static async Task SetVisibilityAsync(IPage page, string state) => await page.EvaluateAsync(
        """
        state => {
          Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
          Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
          document.dispatchEvent(new Event('visibilitychange'));
        }
        """,
        state);
}
