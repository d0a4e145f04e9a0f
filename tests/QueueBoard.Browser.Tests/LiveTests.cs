using System.Diagnostics;
using System.Text.RegularExpressions;
using QueueBoard.Testing;
using static Microsoft.Playwright.Assertions;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Browser.Tests;

/// <summary>Events reach the screens live: from the API and from a lead's taps, without a reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveTests(BrowserFixture browser)
{
    private readonly HttpClient _admin = browser.App.Admin();
    private readonly string _siteId = NewSiteId();

    [Fact]
    public async Task An_event_posted_through_the_api_shows_on_a_watching_wall_screen_within_a_second()
    {
        await _admin.CreateSiteAsync(_siteId);
        var wall = await browser.NewPageAsync(1920, 1080);
        await wall.GotoAsync($"/wall/{_siteId}");
        var queue = Screens.LaneQueue(wall, "1");
        await Expect(queue).ToHaveTextAsync("0");
        await Task.Delay(500, TestContext.Current.CancellationToken);

        var sent = Stopwatch.StartNew();
        using var response = await _admin.PostEventsAsync(_siteId, Status("1", "open"), Arrived("1", 7));
        response.EnsureSuccessStatusCode();
        await Expect(queue).ToHaveTextAsync("7", new() { Timeout = 1000 });

        Assert.True(sent.Elapsed < TimeSpan.FromSeconds(1.5), $"shown {sent.ElapsedMilliseconds} ms after posting");
        await Expect(wall.GetByTestId("site-queue")).ToContainTextAsync("7");
    }

    [Fact]
    public async Task A_site_created_while_the_board_is_open_appears_on_it_from_its_first_push_and_every_queue_moves_live()
    {
        // The board's pushes name sites by their place in the board the page read: a site created since is named in the
        // push that first carries it, and a site the page read keeps moving by its number.
        var read = NewSiteId();
        await _admin.CreateSiteAsync(read);
        await _admin.PostEventsAsync(read, Status("1", "open"), Arrived("1", 2));
        var board = await browser.NewPageAsync();
        var loads = 0;
        board.Load += (_, _) => Interlocked.Increment(ref loads);
        await board.GotoAsync("/");
        var readRow = board.Locator($"[data-testid=site-row][data-site-id={read}]");
        await Expect(readRow.GetByTestId("row-queue")).ToHaveAttributeAsync("data-value", "2");

        // Its first push carries every field: the page takes the new site from it, without reading the board again (at a
        // district's peak every open phone would read it at the same moment).
        var reads = 0;
        board.Request += (_, request) =>
        {
            if (new Uri(request.Url).AbsolutePath == "/api/v1/sites")
            {
                Interlocked.Increment(ref reads);
            }
        };
        await _admin.CreateSiteAsync(_siteId);
        await _admin.PostEventsAsync(_siteId, Status("1", "open"), Arrived("1", 4));
        var addedRow = board.Locator($"[data-testid=site-row][data-site-id={_siteId}]");
        await Expect(addedRow.GetByTestId("row-queue")).ToHaveAttributeAsync("data-value", "4");

        await _admin.PostEventsAsync(_siteId, Arrived("1", 3));
        await _admin.PostEventsAsync(read, Arrived("1", 5));
        await Expect(addedRow.GetByTestId("row-queue")).ToHaveAttributeAsync("data-value", "7");
        await Expect(readRow.GetByTestId("row-queue")).ToHaveAttributeAsync("data-value", "7");
        Assert.Equal(1, loads);
        Assert.Equal(0, reads);
    }

    [Fact]
    public async Task An_open_site_stays_marked_open_while_its_queue_moves_on_the_board()
    {
        await _admin.CreateSiteAsync(_siteId);
        await _admin.PostEventsAsync(_siteId, Status("1", "open"), Arrived("1", 2));
        var board = await browser.NewPageAsync();
        await board.GotoAsync("/");
        var row = board.Locator($"[data-testid=site-row][data-site-id={_siteId}]");
        var queue = row.GetByTestId("row-queue");
        await Expect(queue).ToContainTextAsync("2");
        await row.Locator("button.row-main").ClickAsync();
        await Expect(row).ToHaveClassAsync(new Regex(@"\bexpanded\b"));

        // The row's numbers are written in place as pushes come; the open row keeps its look of being open.
        await _admin.PostEventsAsync(_siteId, Arrived("1", 4));
        await Expect(queue).ToHaveAttributeAsync("data-value", "6");
        await Expect(queue).ToContainTextAsync("6");
        await _admin.PostEventsAsync(_siteId, Arrived("1", 3));
        await Expect(queue).ToContainTextAsync("9");
        await Expect(row.Locator("button.row-main")).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(row).ToHaveClassAsync(new Regex(@"\bexpanded\b"));
    }

    [Fact]
    public async Task A_site_renamed_and_moved_to_another_area_changes_on_an_open_board_without_a_reload()
    {
        await _admin.CreateSiteAsync(_siteId);
        var board = await browser.NewPageAsync();
        var loads = 0;
        board.Load += (_, _) => Interlocked.Increment(ref loads);
        await board.GotoAsync("/");
        var row = board.Locator($"[data-testid=site-row][data-site-id={_siteId}]");
        await Expect(row.Locator(".row-name")).ToHaveTextAsync("群星公园采样点");
        await board.Locator("#area-filter").SelectOptionAsync("潮连街道");
        await Expect(row).ToBeHiddenAsync();

        // Into an area no other site is in: the area menu must offer it before the resident can pick it.
        await _admin.CreateSiteAsync(_siteId, PlacedSite("群星公园东门采样点", "Qunxing Park East Gate", "试点新区", 22.96, 112.71, ("1", "standard"), ("2", "standard")));
        await board.Locator("#area-filter").SelectOptionAsync("试点新区");
        await Expect(row.Locator(".row-name")).ToHaveTextAsync("群星公园东门采样点");
        await Expect(row).ToBeVisibleAsync();

        // Moved away again, the resident's choice stands: the list does not widen to the district under their thumb.
        await _admin.CreateSiteAsync(_siteId, PlacedSite("群星公园东门采样点", "Qunxing Park East Gate", "环市街道", 22.96, 112.71, ("1", "standard"), ("2", "standard")));
        await Expect(row).ToBeHiddenAsync();
        await Expect(board.Locator("#area-filter")).ToHaveValueAsync("试点新区");
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task A_lead_reaches_and_works_the_lane_buttons_with_the_keyboard_alone()
    {
        await _admin.CreateSiteAsync(_siteId);
        var lead = await browser.NewPageAsync();
        await Screens.SignInAsync(lead, _siteId, await _admin.NewLeadCodeAsync(_siteId));
        var arrive = lead.Locator("[data-testid=lead-lane][data-lane-id='1'] [data-testid=arrived-1]");

        await lead.Locator("body").FocusAsync();
        for (var presses = 0; presses < 60 && !await arrive.EvaluateAsync<bool>("e => e === document.activeElement"); presses++)
        {
            await lead.Keyboard.PressAsync("Tab");
        }

        await Expect(arrive).ToBeFocusedAsync();
        await lead.Keyboard.PressAsync("Enter");
        await lead.Keyboard.PressAsync("Space");
        await Expect(lead.Locator("[data-testid=lead-lane][data-lane-id='1'] [data-testid=lead-queue]")).ToHaveTextAsync("2");
        await Expect(lead.GetByTestId("pending-count")).ToHaveTextAsync("0", Screens.HeldTapsSent);
        Assert.Equal(2, (await browser.App.Anonymous().GetJsonAsync($"/api/v1/sites/{_siteId}")).Lane("1").Number("queueLength"));
    }

    [Fact]
    public async Task A_tap_on_the_lead_console_changes_the_wall_screen_and_the_resident_board()
    {
        await _admin.CreateSiteAsync(_siteId);
        var code = await _admin.NewLeadCodeAsync(_siteId);
        var lead = await browser.NewPageAsync();
        var wall = await browser.NewPageAsync(1920, 1080);
        var board = await browser.NewPageAsync();
        await wall.GotoAsync($"/wall/{_siteId}");
        await board.GotoAsync("/");
        await Screens.SignInAsync(lead, _siteId, code);

        var lane = lead.Locator("[data-testid=lead-lane][data-lane-id='1']");
        await lane.GetByTestId("open").ClickAsync();
        await lane.GetByTestId("arrived-5").ClickAsync();
        await lane.GetByTestId("arrived-1").ClickAsync();

        await Expect(Screens.LaneQueue(wall, "1")).ToHaveTextAsync("6", Screens.HeldTapsSent);
        await Expect(wall.Locator("[data-testid=lane-tile][data-lane-id='1']")).ToHaveAttributeAsync("data-status", "open");
        await Expect(board.Locator($"[data-testid=site-row][data-site-id={_siteId}] [data-testid=row-queue]"))
            .ToHaveAttributeAsync("data-value", "6");
        await Expect(lead.GetByTestId("pending-count")).ToHaveTextAsync("0");
        Assert.Equal(6, (await browser.App.Anonymous().GetJsonAsync($"/api/v1/sites/{_siteId}")).Lane("1").Number("queueLength"));
    }
}
