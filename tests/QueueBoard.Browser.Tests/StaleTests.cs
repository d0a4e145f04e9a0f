using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Browser.Tests;

/// <summary>A wall screen that has lost its server for two minutes greys its numbers rather than show them as current.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StaleTests(BrowserFixture browser)
{
    [Fact]
    public async Task After_two_minutes_offline_the_wall_greys_its_numbers_and_restores_them_when_back()
    {
        Chromium.Require();
        var first = await RestartableApp.StartAsync();
        var siteId = first.SiteId;
        await first.Admin().PostEventsAsync(siteId, Status("1", "open"), Arrived("1", 9));

        var wall = await browser.NewPageAsync(1920, 1080, first.Address);
        await wall.Clock.InstallAsync();
        await wall.GotoAsync($"/wall/{siteId}");
        var queue = Screens.LaneQueue(wall, "1");
        await Expect(queue).ToHaveTextAsync("9");
        var currentColour = await ColourOf(queue);

        await first.DisposeAsync();
        await wall.Clock.FastForwardAsync("00:15");
        await Expect(wall.Locator("#offline-banner")).ToBeVisibleAsync();
        Assert.Equal(currentColour, await ColourOf(queue));

        await wall.Clock.FastForwardAsync("02:00");
        await Expect(wall.Locator("body")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bstale\b"));
        Assert.NotEqual(currentColour, await ColourOf(queue));
        await Expect(queue).ToHaveTextAsync("9");

        await using var second = await first.StartAgainAsync();
        await second.Admin().PostEventsAsync(siteId, Status("1", "open"), Arrived("1", 4));
        await wall.Clock.FastForwardAsync("00:30");
        await Expect(queue).ToHaveTextAsync("4", new() { Timeout = 20_000 });
        await Expect(wall.Locator("body")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bstale\b"));
        Assert.Equal(currentColour, await ColourOf(queue));
    }

    private static Task<string> ColourOf(ILocator element) =>
        element.EvaluateAsync<string>("e => getComputedStyle(e).color");
}
