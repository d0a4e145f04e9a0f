using System.Globalization;
using System.Text.RegularExpressions;
using QueueBoard.Testing;
using static Microsoft.Playwright.Assertions;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Browser.Tests;

/// <summary>
/// A screen whose live connection is lost says so in time, with the time its numbers are from, and keeps every number it
/// shows fresh by reading, the open site's lanes as well as the board's rows; and is live again at once when the
/// network returns.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ConnectionLossTests(BrowserFixture browser)
{
    private static readonly TimeZoneInfo District = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private readonly HttpClient _admin = browser.App.Admin();
    private readonly string _siteId = NewSiteId();

    [Fact]
    public async Task With_its_live_connection_cut_and_the_network_up_the_board_keeps_an_open_sites_lanes_fresh()
    {
        await _admin.CreateSiteAsync(_siteId);
        await _admin.PostEventsAcceptedAsync(_siteId, Status("1", "open"), Arrived("1", 10), Status("2", "open"), Arrived("2", 5));
        var board = await browser.NewPageAsync();
        await board.RouteAsync("**/hubs/**", route => route.AbortAsync());
        await board.GotoAsync("/");
        var row = board.Locator($"[data-testid=site-row][data-site-id={_siteId}]");
        await row.Locator("button.row-main").ClickAsync();
        var lane2 = row.Locator(".lane-item[data-lane-id='2'] [data-testid=lane-status]");
        await Expect(lane2).ToHaveTextAsync("开放");
        await Expect(board.Locator("#offline-banner")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        await _admin.PostEventsAcceptedAsync(_siteId, Status("2", "paused"), Arrived("1", 7));

        // Read every 20 s while the banner shows: the lane, not only the row.
        await Expect(lane2).ToHaveTextAsync("暂停", new() { Timeout = 30_000 });
        await Expect(row.Locator(".lane-item[data-lane-id='2'] [data-testid=lane-wait]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_phone_that_goes_offline_says_so_within_seconds_from_when_it_went_and_is_live_again_at_once()
    {
        var board = await browser.NewPageAsync();
        await board.GotoAsync("/");
        await Expect(board.GetByTestId("site-row").First).ToBeVisibleAsync();
        await Expect(board.Locator("body")).Not.ToHaveClassAsync(new Regex("offline"));
        var banner = board.Locator("#offline-banner");

        var went = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, District);
        await board.Context.SetOfflineAsync(true);

        // The connection itself would notice only after 30 s without the server's keep-alives.
        await Expect(banner).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var shown = Since().Match(await banner.TextContentAsync() ?? "");
        Assert.True(shown.Success, $"banner: {await banner.TextContentAsync()}");
        var at = TimeSpan.ParseExact(shown.Groups[1].Value, @"hh\:mm\:ss", CultureInfo.InvariantCulture);
        Assert.InRange((at - went.TimeOfDay).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(3));

        await board.Context.SetOfflineAsync(false);
        await Expect(banner).ToBeHiddenAsync(new() { Timeout = 5_000 });
    }

    [GeneratedRegex(@"最后更新 (\d\d:\d\d:\d\d)")]
    private static partial Regex Since();
}
