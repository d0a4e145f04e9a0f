using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace QueueBoard.Browser.Tests;

/// <summary>What tests read and do on the pages, by the pages' test ids.</summary>
public static class Screens
{
    public static ILocator LaneQueue(IPage wall, string laneId) =>
        wall.Locator($"[data-testid=lane-tile][data-lane-id='{laneId}'] [data-testid=lane-queue]");

    public static async Task SignInAsync(IPage lead, string siteId, string code)
    {
        await lead.GotoAsync($"/lead/{siteId}");
        await lead.GetByTestId("lead-code-input").FillAsync(code);
        await lead.GetByTestId("signin").ClickAsync();
        await Expect(lead.GetByTestId("lead-lane").First).ToBeVisibleAsync();
    }
}
