using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using QueueBoard.Testing;
using static Microsoft.Playwright.Assertions;

namespace QueueBoard.Browser.Tests;

/// <summary>
/// Every screen, as its user has it open (the lead console and the desk pages signed in), checked by axe-core against the
/// WCAG 2.2 A and AA rules a screen reader, a keyboard or poor eyesight depend on, and axe's best practices (landmarks,
/// headings), in Chinese and in English.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    /// <summary>Each screen at a size its users have, and the state a user brings it to: "" as it opens.</summary>
    public static TheoryData<string, string, int, int> ScreensInUse => new()
    {
        { "/", "", 390, 844 },
        { "/", "a site opened", 1280, 800 },
        { "/", "a site opened on a phone set to dark", 390, 844 },
        { $"/wall/{PageTests.DemoSite}", "", 1920, 1080 },
        { "/command", "", 1920, 1080 },
        { "/command", "replaying the day", 1920, 1080 },
        { $"/lead/{PageTests.DemoSite}", "before sign-in", 390, 844 },
        { $"/lead/{PageTests.DemoSite}", "", 390, 844 },
        { $"/lead/{PageTests.DemoSite}", "a tap held for undo", 390, 844 },
        { "/command/admin", "", 1440, 900 },
        { "/command/admin", "a site in the editor", 1440, 900 },
        { "/command/summary", "", 1440, 900 },
    };

    [Theory]
    [MemberData(nameof(ScreensInUse))]
    public async Task Each_screen_breaks_no_WCAG_A_or_AA_rule_or_best_practice_axe_can_check_in_either_language(string path, string state, int width, int height)
    {
        var page = await browser.NewPageAsync(width, height);
        if (state.EndsWith("set to dark", StringComparison.Ordinal))
        {
            await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        }

        await OpenAsync(page, path, state);
        await BringToAsync(page, state);

        var wrong = new List<string>();
        foreach (var lang in new[] { "zh", "en" })
        {
            if (lang == "en")
            {
                await page.Locator("#lang-toggle").ClickAsync();
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            }

            var result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
            });
            var found = result.Violations.Select(v =>
                $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Take(4).Select(n => $"{n.Target} {n.Html} {string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))}"))}");
            wrong.AddRange(found.Select(f => $"{lang}: {f}"));
        }

        Assert.True(wrong.Count == 0, $"{path} {state} at {width}x{height}:\n{string.Join("\n", wrong)}");
    }

    private async Task OpenAsync(IPage page, string path, string state)
    {
        if (path.StartsWith("/lead/", StringComparison.Ordinal) && state != "before sign-in")
        {
            using var admin = browser.App.Admin();
            await Screens.SignInAsync(page, PageTests.DemoSite, await admin.NewLeadCodeAsync(PageTests.DemoSite));
            return;
        }

        await page.GotoAsync(path);
        if (path.StartsWith("/command/", StringComparison.Ordinal))
        {
            await page.GetByTestId("admin-token-input").FillAsync(QueueBoardAppFactory.AdminToken);
            await page.GetByTestId("admin-signin").ClickAsync();
            await Expect(page.GetByTestId("admin-token-input")).Not.ToBeVisibleAsync();
        }
        else
        {
            // Each screen as it stands once its first picture has come.
            var first = path == "/" ? "site-row" : path == "/command" ? "site-tile" : path.StartsWith("/lead/", StringComparison.Ordinal) ? "lead-code-input" : "lane-tile";
            await Expect(page.GetByTestId(first).First).ToBeVisibleAsync();
        }
    }

    private static async Task BringToAsync(IPage page, string state)
    {
        switch (state)
        {
            case "a site opened" or "a site opened on a phone set to dark":
                await page.Locator("[data-testid=site-row] button.row-main").First.ClickAsync();
                await Expect(page.GetByTestId("best-time")).ToBeVisibleAsync();
                break;
            case "a tap held for undo":
                await page.GetByTestId("lead-lane").First.GetByTestId("arrived-1").ClickAsync();
                await Expect(page.GetByTestId("lead-undo-bar")).ToBeVisibleAsync();
                break;
            case "replaying the day":
                await page.GetByTestId("replay-toggle").ClickAsync();
                await Expect(page.GetByTestId("replay-banner")).ToBeVisibleAsync();
                break;
            case "a site in the editor":
                await page.GetByTestId("edit-site").First.ClickAsync();
                await Expect(page.GetByTestId("lane-row").First).ToBeVisibleAsync();
                break;
        }
    }
}
