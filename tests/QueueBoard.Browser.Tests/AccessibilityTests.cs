using System.Globalization;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using QueueBoard.Testing;
using static Microsoft.Playwright.Assertions;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Browser.Tests;

/// <summary>
/// Every screen, as its user has it open (the lead console and the desk pages signed in), checked by axe-core against the
/// WCAG 2.2 A and AA rules a screen reader, a keyboard or poor eyesight depend on, and axe's best practices (landmarks,
/// headings), in Chinese and in English; and what axe leaves out: the keyboard's ring at every stop, and the names the
/// command centre's tiles take from their words.
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
        var page = await OpenInStateAsync(path, state, width, height);
        await Screens.AssertNothingWrongInEitherLanguageAsync(
            page,
            async () =>
            {
                var result = await page.RunAxe(new AxeRunOptions
                {
                    RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
                });
                return [.. result.Violations.Select(v =>
                    $"\n{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Take(4).Select(n => $"{n.Target} {n.Html} {string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))}"))}")];
            },
            $"{path} {state} at {width}x{height}");
    }

    [Theory]
    [MemberData(nameof(ScreensInUse))]
    public async Task On_each_screen_every_stop_of_the_keyboard_shows_a_ring_that_stands_out_from_what_is_behind_it(string path, string state, int width, int height)
    {
        // Focus visible (WCAG 2.4.7) with non-text contrast (1.4.11), which axe does not check: at each of the first 60
        // stops of Tab, the focused control draws a ring, and the ring differs by at least 3:1 from what it is drawn on
        // (the control's own fill for a ring inside it, what is around it otherwise).
        var page = await OpenInStateAsync(path, state, width, height);
        var wrong = new SortedSet<string>(StringComparer.Ordinal);
        for (var stop = 0; stop < 60; stop++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string?>(Ring) is { } fault)
            {
                wrong.Add(fault);
            }
        }

        Assert.True(wrong.Count == 0, $"{path} {state} at {width}x{height}:\n{string.Join("\n", wrong)}");
    }

    // What is wrong with the focused control's ring, or null.
    private const string Ring = """
        () => {
          const el = document.activeElement;
          // A date field in a test's page (one of several the browser holds) is focused in its day, month or year without
          // matching :focus, so its ring cannot be judged here; on a page of its own it draws one.
          if (!el || el === document.body || !el.matches(':focus')) return null;
          const rgba = (color) => { const m = color.match(/[\d.]+/g) ?? []; return [+m[0] || 0, +m[1] || 0, +m[2] || 0, m[3] === undefined ? 1 : +m[3]]; };
          const luminance = (color) => {
            const [r, g, b] = rgba(color).slice(0, 3).map((c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
          };
          const fill = (node) => {
            for (let n = node; n; n = n.parentElement) { const c = getComputedStyle(n).backgroundColor; if (rgba(c)[3] > 0.5) return c; }
            return 'rgb(255, 255, 255)';
          };
          const style = getComputedStyle(el);
          const what = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.textContent || el.value || '').trim().slice(0, 24)}"`;
          if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0) return style.boxShadow === 'none' ? `${what}: no ring` : null;
          const behind = fill(parseFloat(style.outlineOffset) < 0 ? el : el.parentElement);
          const [light, dark] = [luminance(style.outlineColor), luminance(behind)].sort((a, b) => b - a);
          const ratio = (light + 0.05) / (dark + 0.05);
          return ratio < 3 ? `${what}: ring ${style.outlineColor} on ${behind}, ${ratio.toFixed(1)}:1` : null;
        }
        """;

    [Fact]
    public async Task A_command_centre_tile_is_named_by_the_words_it_shows_in_their_order_and_where_it_goes()
    {
        // Its words, not a label of its own: axe cannot check a name the page does not set, so the order, the pauses
        // and the words for what is not shown as words ("—") are checked here, in both languages and on a resting site.
        var opens = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).AddHours(2);
        var resting = NewSiteId();
        using (var admin = browser.App.Admin())
        {
            await admin.CreateSiteAsync(
                resting,
                SiteWith("休息测试采样点", "Resting Test Site", from: opens.ToString("HH:mm", CultureInfo.InvariantCulture), to: opens.AddHours(2).ToString("HH:mm", CultureInfo.InvariantCulture)));
        }

        var page = await browser.NewPageAsync(1920, 1080);
        await page.GotoAsync("/command");
        var open = page.Locator($"[data-testid=site-tile][data-site-id={PageTests.DemoSite}]");
        var rest = page.Locator($"[data-testid=site-tile][data-site-id={resting}]");
        await Expect(rest).ToBeAttachedAsync();

        await Expect(open).ToHaveAccessibleNameAsync(new Regex(@"^群星公园采样点 , \d+ 分钟 , (畅通|忙碌|拥堵) , (可能 [\d–]+ 分钟 , )?排队 [\d,]+ , 通道 \d+/\d+ (, 绿色通道 )?, 打开大屏$"));
        await Expect(rest).ToHaveAccessibleNameAsync(new Regex(@"^休息测试采样点 , 无等待时间 , 休息中 , \S+ \d\d:\d\d 开放 , 排队 0 (, 通道 0/\d+ )?, 打开大屏$"));

        await page.Locator("#lang-toggle").ClickAsync();
        await Expect(open).ToHaveAccessibleNameAsync(new Regex(@"^Qunxing Park , \d+ min , (Smooth|Busy|Crowded) , (likely [\d–]+ min , )?Queue [\d,]+ , Lanes \d+/\d+ (, Green lane )?, open wall screen$"));
        await Expect(rest).ToHaveAccessibleNameAsync(new Regex(@"^Resting Test Site , no wait estimate , Resting , opens .+ , Queue 0 (, Lanes 0/\d+ )?, open wall screen$"));
    }

    // A new page at the size given, on the screen at path, brought to the state named (ScreensInUse).
    private async Task<IPage> OpenInStateAsync(string path, string state, int width, int height)
    {
        var page = await browser.NewPageAsync(width, height);
        if (state.EndsWith("set to dark", StringComparison.Ordinal))
        {
            await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        }

        await OpenAsync(page, path, state);
        await BringToAsync(page, state);
        return page;
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
                // Held for a minute: the bar must still be up for the second language's check.
                await page.GetByTestId("lead-undo-seconds").SelectOptionAsync("60");
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
