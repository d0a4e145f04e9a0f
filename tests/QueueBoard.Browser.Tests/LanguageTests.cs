using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace QueueBoard.Browser.Tests;

/// <summary>Chinese first, English one tap away and remembered, with every visible string switched.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class LanguageTests(BrowserFixture browser)
{
    public static TheoryData<string, int> Pages => new()
    {
        { "/", 412 },
        { $"/wall/{PageTests.DemoSite}", 1920 },
        { "/command", 1920 },
        { $"/lead/{PageTests.DemoSite}", 412 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_language_toggle_switches_every_visible_string_and_is_remembered(string path, int width)
    {
        var page = await browser.NewPageAsync(width, 1000);
        await page.GotoAsync(path);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        var chinese = await VisibleTextAsync(page);
        Assert.Matches(Cjk(), chinese);

        await page.Locator("#lang-toggle").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        var english = await VisibleTextAsync(page);

        // No phrase of the Chinese dictionary is left on screen; names a site was configured with are data, not strings.
        var phrases = await page.EvaluateAsync<string[]>("async () => Object.values((await import('/js/i18n/zh.js')).default)");
        var leftovers = phrases
            .SelectMany(p => Placeholder().Split(p))
            .Select(p => p.Trim())
            .Where(p => Cjk().Count(p) >= 2 && english.Contains(p, StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.Empty(leftovers);

        await page.ReloadAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    // Rows and tiles scrolled away are left out of layout, and with it out of innerText: laid out here, so that every one
    // of them is checked, not only those on the screen.
    private static Task<string> VisibleTextAsync(IPage page) => page.EvaluateAsync<string>(
        "() => { for (const item of document.querySelectorAll('.site-row, .tile-list > li')) item.style.contentVisibility = 'visible'; " +
        "return document.body.innerText; }");

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();

    [GeneratedRegex(@"\{[a-zA-Z]+\}")]
    private static partial Regex Placeholder();
}
