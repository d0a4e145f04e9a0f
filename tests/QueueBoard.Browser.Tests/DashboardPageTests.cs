using QueueBoard.Testing;
using static Microsoft.Playwright.Assertions;

namespace QueueBoard.Browser.Tests;

/// <summary>The Orleans dashboard, switched on for the browser tests' app, draws the cluster in Chromium once the admin signs in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_admin_signs_in_with_the_token_and_sees_the_live_cluster()
    {
        Chromium.Require();
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = browser.App.BaseAddress.ToString(),
            HttpCredentials = new() { Username = "admin", Password = QueueBoardAppFactory.AdminToken },
            ViewportSize = new() { Width = 1280, Height = 800 },
        });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/dashboard/");

        Assert.Equal(200, response!.Status);
        await Expect(page).ToHaveTitleAsync("Orleans Dashboard");
        await Expect(page.GetByText("Active Silos").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.GetByText("Total Activations").First).ToBeVisibleAsync();
        await context.CloseAsync();
    }

    [Fact]
    public async Task Without_the_token_the_page_is_refused()
    {
        Chromium.Require();
        var page = await browser.NewPageAsync(1280, 800);

        // The browser is asked for credentials; headless Chromium has none to give and the page never loads.
        var refused = await Assert.ThrowsAsync<Microsoft.Playwright.PlaywrightException>(() => page.GotoAsync("/dashboard/"));
        Assert.Contains("ERR_INVALID_AUTH_CREDENTIALS", refused.Message, StringComparison.Ordinal);
    }
}
