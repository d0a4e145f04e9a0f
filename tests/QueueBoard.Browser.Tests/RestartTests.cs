using QueueBoard.Testing;
using static Microsoft.Playwright.Assertions;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Browser.Tests;

/// <summary>
/// The server goes away and comes back on the same port. The embedded mode keeps state in memory, so the site is
/// configured again after the restart (as the command centre would), and the lead signs in with the command-centre token,
/// which survives a restart where in-memory lead codes do not.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RestartTests(BrowserFixture browser)
{
    [Fact]
    public async Task Screens_warn_while_the_server_is_down_and_lead_taps_made_meanwhile_arrive_exactly_once_after_it_returns()
    {
        Chromium.Require();
        var first = await RestartableApp.StartAsync();
        var siteId = first.SiteId;

        var wall = await browser.NewPageAsync(1920, 1080, first.Address);
        await wall.GotoAsync($"/wall/{siteId}");
        var lead = await browser.NewPageAsync(412, 900, first.Address);
        await Screens.SignInAsync(lead, siteId, QueueBoardAppFactory.AdminToken);
        await Expect(Screens.LaneQueue(wall, "1")).ToHaveTextAsync("0");
        var banner = wall.Locator("#offline-banner");
        await Expect(banner).ToBeHiddenAsync();

        await first.DisposeAsync();
        var lane = lead.Locator("[data-testid=lead-lane][data-lane-id='1']");
        for (var i = 0; i < 3; i++)
        {
            await lane.GetByTestId("arrived-1").ClickAsync();
        }

        await lane.GetByTestId("arrived-5").ClickAsync();
        await Expect(lead.GetByTestId("pending-count")).ToHaveTextAsync("4");
        await Expect(banner).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(banner).ToContainTextAsync("离线");

        await using var second = await first.StartAgainAsync();

        await Expect(banner).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Expect(lead.GetByTestId("pending-count")).ToHaveTextAsync("0", new() { Timeout = 30_000 });
        await Expect(Screens.LaneQueue(wall, "1")).ToHaveTextAsync("8", new() { Timeout = 10_000 });

        // Exactly once: nothing arrives twice, even after the outbox has had time to retry.
        await Task.Delay(3000, TestContext.Current.CancellationToken);
        Assert.Equal(8, (await second.Anonymous().GetJsonAsync($"/api/v1/sites/{siteId}")).Lane("1").Number("queueLength"));
        await Expect(Screens.LaneQueue(wall, "1")).ToHaveTextAsync("8");
    }
}
