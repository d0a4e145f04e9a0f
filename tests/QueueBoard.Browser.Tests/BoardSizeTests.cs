using QueueBoard.Testing;
using static Microsoft.Playwright.Assertions;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Browser.Tests;

/// <summary>
/// A district's board is more rows than the page builds in one go (it builds a few screens at a time, so that a phone
/// shows the first of a thousand rows without waiting for the rest): every site still comes, and keeps moving live.
/// </summary>
[Collection(BrowserApartCollection.Name)]
public sealed class BoardSizeTests(QuietBrowserFixture browser)
{
    private const int Sites = 130;

    [Fact]
    public async Task A_board_of_more_sites_than_a_screenful_shows_every_one_and_each_moves_live()
    {
        using var admin = browser.App.Admin();
        var siteIds = Enumerable.Range(0, Sites).Select(_ => NewSiteId()).ToList();
        await Parallel.ForEachAsync(siteIds, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, _) => await admin.CreateSiteAsync(id));

        var board = await browser.NewPageAsync();
        await board.GotoAsync("/");

        foreach (var id in siteIds)
        {
            await Expect(board.Locator($"[data-testid=site-row][data-site-id={id}]")).ToHaveCountAsync(1);
        }

        // The last of them in the list's order, built in the page's last round, takes a push like the first.
        var inOrder = await board.EvaluateAsync<string[]>("() => [...document.querySelectorAll('[data-testid=site-row]')].map(row => row.dataset.siteId)");
        var lastId = inOrder.Last(siteIds.Contains);
        using var posted = await admin.PostEventsAsync(lastId, Status("1", "open"), Arrived("1", 6));
        posted.EnsureSuccessStatusCode();
        await Expect(board.Locator($"[data-testid=site-row][data-site-id={lastId}]").GetByTestId("row-queue"))
            .ToHaveAttributeAsync("data-value", "6");
    }
}
