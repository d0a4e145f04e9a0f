using QueueBoard.Testing;
using static Microsoft.Playwright.Assertions;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Browser.Tests;

/// <summary>
/// The order a resident reads the board in (<c>board.js</c>, which sorts the district's rows on every push): the
/// shortest wait first, closed sites last, and sites that wait alike by name in the page's language, as a reader of
/// that language expects (pinyin order for Chinese, not the characters' code points), re-sorted live as queues move.
/// </summary>
[Collection(BrowserApartCollection.Name)]
public sealed class BoardOrderTests(QuietBrowserFixture browser)
{
    [Fact]
    public async Task The_board_lists_the_shortest_wait_first_closed_sites_last_and_equal_waits_by_name_in_the_page_language()
    {
        using var admin = browser.App.Admin();
        var shortest = NewSiteId();
        var longest = NewSiteId();
        var dong = NewSiteId();
        var bei = NewSiteId();
        var closed = NewSiteId();
        await admin.CreateSiteAsync(shortest);
        await admin.CreateSiteAsync(longest);
        // 东 comes before 北 by code point and after it in pinyin (dong, bei); in English the names go the other way.
        await admin.CreateSiteAsync(dong, NamedSite("东湖采样点", "Alpha Lake", ("1", "standard")));
        await admin.CreateSiteAsync(bei, NamedSite("北湖采样点", "Beta Lake", ("1", "standard")));
        await admin.CreateSiteAsync(closed);
        foreach (var (site, queue) in new[] { (shortest, 2), (longest, 12), (dong, 6), (bei, 6) })
        {
            using var posted = await admin.PostEventsAsync(site, Status("1", "open"), Arrived("1", queue));
            posted.EnsureSuccessStatusCode();
        }

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        string[] ours = [shortest, longest, dong, bei, closed];
        await ExpectOrderAsync(page, ours, [shortest, bei, dong, longest, closed]);

        await page.Locator("#lang-toggle").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await ExpectOrderAsync(page, ours, [shortest, dong, bei, longest, closed]);

        // The shortest queue grows past the longest: the row moves down on the push, not on a reload.
        using (var grew = await admin.PostEventsAsync(shortest, Arrived("1", 18)))
        {
            grew.EnsureSuccessStatusCode();
        }

        await ExpectOrderAsync(page, ours, [dong, bei, longest, shortest, closed]);
    }

    /// <summary>Waits until this test's rows stand in <paramref name="expected"/> order among the page's rows.</summary>
    private static async Task ExpectOrderAsync(Microsoft.Playwright.IPage page, string[] ours, string[] expected)
    {
        try
        {
            await page.WaitForFunctionAsync(
                "([ours, expected]) => { const shown = [...document.querySelectorAll('li[data-testid=site-row]')].map(r => r.dataset.siteId).filter(id => ours.includes(id)); return shown.join() === expected.join(); }",
                new object[] { ours, expected }, new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            var shown = await page.EvaluateAsync<string[]>(
                "ours => [...document.querySelectorAll('li[data-testid=site-row]')].map(r => r.dataset.siteId).filter(id => ours.includes(id))", ours);
            Assert.Equal(expected, shown);
            throw;
        }
    }
}
