using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Browser.Tests;

/// <summary>The command centre replays a past minute, plainly marked as not live, and is back to live at one press.</summary>
[Collection(BrowserApartCollection.Name)]
public sealed partial class ReplayTests(QuietBrowserFixture browser)
{
    // The district's days and clock (QueueBoard:TimeZone, its default), which the replay bar follows.
    private static readonly TimeZoneInfo District = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private readonly HttpClient _admin = browser.App.Admin();
    private readonly string _siteId = NewSiteId();

    [Fact]
    public async Task A_replayed_minute_shows_the_site_as_it_was_then_and_back_to_live_shows_it_as_it_is()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await _admin.CreateSiteAsync(_siteId);
        using (var first = await _admin.PostEventsAsync(_siteId, Status("1", "open"), Arrived("1", 10)))
        {
            first.EnsureSuccessStatusCode();
        }

        // The events were applied before the answer came, so this minute ended with 10 queued.
        var minute = StartOfMinute(DateTimeOffset.UtcNow);
        var waiting = Stopwatch.StartNew();
        while (StartOfMinute(DateTimeOffset.UtcNow) == minute)
        {
            Assert.True(waiting.Elapsed < TimeSpan.FromSeconds(90), "the UTC minute did not end within 90 s");
            await Task.Delay(200, cancellation);
        }

        using (var second = await _admin.PostEventsAsync(_siteId, Arrived("1", 5)))
        {
            second.EnsureSuccessStatusCode();
        }

        var page = await browser.NewPageAsync(1920, 1080);
        await page.GotoAsync("/command");
        var queue = page.Locator($"[data-testid=site-tile][data-site-id={_siteId}] [data-testid=tile-queue]");
        var banner = page.GetByTestId("replay-banner");
        await Expect(queue).ToHaveAttributeAsync("data-value", "15");
        await Expect(banner).ToBeHiddenAsync();

        // Replay that minute: its district day, then the slider next to it and onto it with an arrow key.
        await page.GetByTestId("replay-toggle").ClickAsync();
        var local = TimeZoneInfo.ConvertTime(minute, District);
        await page.GetByTestId("replay-date").SelectOptionAsync(local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var slider = page.GetByTestId("replay-time");
        var index = (local.Hour * 60) + local.Minute;
        var (beside, key) = index > 0 ? (index - 1, "ArrowRight") : (index + 1, "ArrowLeft");
        await slider.FillAsync(beside.ToString(CultureInfo.InvariantCulture));
        await slider.PressAsync(key);
        await Expect(slider).ToHaveValueAsync(index.ToString(CultureInfo.InvariantCulture));

        await Expect(banner).ToBeVisibleAsync();
        await Expect(banner).ToContainTextAsync("非实时数据");
        await Expect(banner).ToContainTextAsync(local.ToString("HH:mm", CultureInfo.InvariantCulture));
        await Expect(page.Locator("body")).ToHaveClassAsync(ReplayClass());
        await Expect(queue).ToHaveAttributeAsync("data-value", "10", new() { Timeout = 10_000 });
        await Screenshots.SaveAsync(page, "replay");
        await Expect(page.GetByTestId("alerts-replay")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("alerts")).ToBeHiddenAsync();

        await page.GetByTestId("replay-live").ClickAsync();
        await Expect(queue).ToHaveAttributeAsync("data-value", "15");
        await Expect(banner).ToBeHiddenAsync();
        await Expect(page.Locator("body")).Not.ToHaveClassAsync(ReplayClass());
        await Expect(page.GetByTestId("replay-toggle")).ToHaveAttributeAsync("aria-pressed", "false");
    }

    private static DateTimeOffset StartOfMinute(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);

    [GeneratedRegex(@"\breplay\b")]
    private static partial Regex ReplayClass();
}
