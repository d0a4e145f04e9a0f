using QueueBoard.Testing;
using static Microsoft.Playwright.Assertions;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Browser.Tests;

/// <summary>
/// A district's board, and its command centre, are more rows and tiles than the page builds in one go (each builds a
/// few screens at a time, so that a phone or a wall shows the first of a thousand sites without waiting for the rest):
/// every site still comes, and keeps moving live.
/// </summary>
[Collection(BrowserApartCollection.Name)]
public sealed class BoardSizeTests(QuietBrowserFixture browser)
{
    private const int Sites = 130;

    // Many more than the command centre's rounds of 80: the read, the pushes of the sites' creation and the test's own
    // push each render the tiles, and without the page's further rounds those alone would not build them all.
    private const int Tiles = 600;

    [Fact]
    public Task A_board_of_more_sites_than_a_screenful_shows_every_one_and_each_moves_live() =>
        EverySiteComesAndTheLastMovesLiveAsync(Sites, "/", "site-row", "row-queue");

    [Fact]
    public Task A_command_centre_of_more_sites_than_a_wall_shows_every_tile_and_each_moves_live() =>
        EverySiteComesAndTheLastMovesLiveAsync(Tiles, "/command", "site-tile", "tile-queue");

    /// <summary>
    /// Creates <paramref name="count"/> sites and opens <paramref name="path"/>: a row or tile (<paramref name="item"/>)
    /// comes for each, and the last of them in the page's order, built in its last round, takes a push like the first.
    /// </summary>
    private async Task EverySiteComesAndTheLastMovesLiveAsync(int count, string path, string item, string queue)
    {
        using var admin = browser.App.Admin();
        var siteIds = Enumerable.Range(0, count).Select(_ => NewSiteId()).ToList();
        await Parallel.ForEachAsync(siteIds, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, _) => await admin.CreateSiteAsync(id));

        var page = await browser.NewPageAsync(1920, 1080);
        await page.GotoAsync(path);
        await page.WaitForFunctionAsync(
            "([item, ids]) => ids.every(id => document.querySelector(`[data-testid=${item}][data-site-id=\"${id}\"]`))",
            new object[] { item, siteIds }, new() { Timeout = 20_000 });

        var inOrder = await page.EvaluateAsync<string[]>("item => [...document.querySelectorAll(`[data-testid=${item}]`)].map(e => e.dataset.siteId)", item);
        var lastId = inOrder.Last(siteIds.Contains);
        using var posted = await admin.PostEventsAsync(lastId, Status("1", "open"), Arrived("1", 6));
        posted.EnsureSuccessStatusCode();
        await Expect(page.Locator($"[data-testid={item}][data-site-id={lastId}]").GetByTestId(queue)).ToHaveAttributeAsync("data-value", "6");
    }
}
