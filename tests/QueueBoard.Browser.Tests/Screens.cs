using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace QueueBoard.Browser.Tests;

/// <summary>What tests read and do on the pages, by the pages' test ids.</summary>
public static class Screens
{
    /// <summary>
    /// Long enough for the lead console's taps to be sent and shown: each is held on the phone for 5 s, where the lead
    /// can still take it back, before it goes out.
    /// </summary>
    public static LocatorAssertionsToHaveTextOptions HeldTapsSent => new() { Timeout = 15_000 };

    /// <summary>
    /// Runs <paramref name="script"/>, which lists what is wrong on the page as it stands, in Chinese and then, after the
    /// page's own language toggle, in English; fails naming what each language showed, <paramref name="where"/> beside it.
    /// </summary>
    public static Task AssertNothingWrongInEitherLanguageAsync(IPage page, string script, string where) =>
        AssertNothingWrongInEitherLanguageAsync(page, () => page.EvaluateAsync<string[]>(script), where);

    /// <summary>
    /// The same with what is wrong found by <paramref name="wrong"/> (a checker run from the test, such as axe-core),
    /// in Chinese and then in English.
    /// </summary>
    public static async Task AssertNothingWrongInEitherLanguageAsync(IPage page, Func<Task<string[]>> wrong, string where)
    {
        foreach (var lang in new[] { "zh", "en" })
        {
            if (lang == "en")
            {
                await page.Locator("#lang-toggle").ClickAsync();
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            }

            var found = await wrong();
            Assert.True(found.Length == 0, $"{lang} at {where}: {string.Join("; ", found)}");
        }
    }

    /// <summary>
    /// JavaScript that declares <c>lines(el)</c>: how many lines an element's words take, for scripts that find a word
    /// broken over two lines.
    /// </summary>
    public const string LinesFunction = """
        const lines = (el) => {
          const words = document.createRange();
          words.selectNodeContents(el);
          return new Set([...words.getClientRects()].map((line) => Math.round(line.top))).size;
        };
        """;

    /// <summary>
    /// A what-is-wrong script for <see cref="AssertNothingWrongInEitherLanguageAsync(IPage, string, string)"/>: it finds the page scrolling
    /// sideways, then runs <paramref name="body"/>, which adds to <c>wrong</c> and may use <c>width</c> (the page's) and
    /// <c>lines(el)</c> (<see cref="LinesFunction"/>).
    /// </summary>
    public static string LayoutScript(string body) => $$"""
        () => {
          const wrong = [];
          const width = document.documentElement.clientWidth;
          {{LinesFunction}}
          if (document.documentElement.scrollWidth > width) wrong.push(`the page scrolls sideways to ${document.documentElement.scrollWidth} px`);
          {{body}}
          return [...new Set(wrong)].slice(0, 12);
        }
        """;

    /// <summary>
    /// <see cref="LayoutScript"/> for the command centre's desk pages (administration, daily summary): it also finds a
    /// word of their header broken over two lines.
    /// </summary>
    public static string DeskPageLayoutScript(string body) => LayoutScript($$"""
        for (const el of document.querySelectorAll('.admin-header :is(h1, a, button:not([hidden]))')) {
          if (lines(el) > 1) wrong.push(`"${el.textContent.trim()}" broken over ${lines(el)} lines`);
        }
        {{body}}
        """);

    public static ILocator LaneQueue(IPage wall, string laneId) =>
        wall.Locator($"[data-testid=lane-tile][data-lane-id='{laneId}'] [data-testid=lane-queue]");

    /// <summary>
    /// Runs <paramref name="script"/> in the resident board's page, where the modules it imports are served: for tests
    /// of the pages' shared modules on their own.
    /// </summary>
    public static async Task<System.Text.Json.JsonElement> RunOnTheBoardPageAsync(this BrowserHost browser, string script)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        return await page.EvaluateAsync<System.Text.Json.JsonElement>(script);
    }

    public static async Task SignInAsync(IPage lead, string siteId, string code)
    {
        await lead.GotoAsync($"/lead/{siteId}");
        await lead.GetByTestId("lead-code-input").FillAsync(code);
        await lead.GetByTestId("signin").ClickAsync();
        await Expect(lead.GetByTestId("lead-lane").First).ToBeVisibleAsync();
    }
}
