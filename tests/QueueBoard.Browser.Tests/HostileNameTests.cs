using System.Net.Http.Json;
using Microsoft.Playwright;
using QueueBoard.Testing;
using static Microsoft.Playwright.Assertions;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Browser.Tests;

/// <summary>A site and lane named like markup show as that text on every page, and nothing in them runs.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HostileNameTests(BrowserFixture browser)
{
    private const string Markup = "<img src=x onerror=alert(1)>";

    [Fact]
    public async Task A_site_and_lane_named_like_markup_show_as_text_on_every_page_and_run_nothing()
    {
        Chromium.Require();
        var siteId = NewSiteId();
        using (var admin = browser.App.Admin())
        {
            using var put = await admin.PutAsJsonAsync($"/api/v1/sites/{siteId}", new
            {
                name = Markup,
                nameEn = Markup,
                area = Markup,
                latitude = 22.59,
                longitude = 113.08,
                lanes = new[] { new { id = "1", name = Markup, kind = "standard" } },
            });
            put.EnsureSuccessStatusCode();
        }

        var pages = new (string Name, Func<IPage, Task> Open)[]
        {
            ("board", async page =>
            {
                await page.GotoAsync("/");
                await page.Locator($"[data-testid=site-row][data-site-id={siteId}] button.row-main").ClickAsync();
            }),
            ("wall", page => page.GotoAsync($"/wall/{siteId}")),
            ("command centre", page => page.GotoAsync("/command")),
            ("lead console", page => Screens.SignInAsync(page, siteId, QueueBoardAppFactory.AdminToken)),
        };
        foreach (var (name, open) in pages)
        {
            var page = await browser.NewPageAsync(1280, 900);
            var dialogs = 0;
            page.Dialog += async (_, dialog) =>
            {
                dialogs++;
                await dialog.DismissAsync();
            };
            await open(page);

            await Expect(page.GetByText(Markup).Filter(new() { Visible = true }).First).ToBeVisibleAsync();
            Assert.True(await page.Locator("img[src=x]").CountAsync() == 0, $"the {name} made an element of the name");
            Assert.True(dialogs == 0, $"the {name} ran script from the name");
            await page.Context.CloseAsync();
        }
    }
}
