using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using QueueBoard.Testing;
using static Microsoft.Playwright.Assertions;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Browser.Tests;

/// <summary>
/// A lead taps with gloves on a phone, in a crowd: every tap waits on the phone long enough to be taken back, a lane
/// that still holds people is not paused or closed without a question, the sign-in lasts the day on that phone, and
/// the console says plainly when it is offline and when residents see the site resting.
/// </summary>
[Collection(BrowserApartCollection.Name)]
public sealed partial class LeadForgivenessTests(QuietBrowserFixture browser)
{
    private static readonly TimeZoneInfo District = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private readonly HttpClient _admin = browser.App.Admin();
    private readonly string _siteId = NewSiteId();

    [Fact]
    public async Task A_tap_undone_within_five_seconds_never_reaches_the_server_and_one_left_alone_does()
    {
        var lead = await SignedInConsoleAsync(Status("1", "open"));
        var lane = Lane(lead, "1");
        var bar = lead.GetByTestId("lead-undo-bar");
        var undo = lead.GetByTestId("lead-undo");

        await lane.GetByTestId("arrived-5").ClickAsync();
        await Expect(bar).ToBeVisibleAsync();
        await Expect(bar).ToContainTextAsync("已记录 +5 到达");
        await Expect(bar).ToHaveAttributeAsync("data-pending", "1");
        await Expect(undo).ToHaveTextAsync(UndoCountdown());
        await Expect(lane.GetByTestId("lead-queue")).ToHaveTextAsync("5");
        await undo.ClickAsync();

        await Expect(lane.GetByTestId("lead-queue")).ToHaveTextAsync("0");
        await Expect(bar).ToBeHiddenAsync();
        await Expect(lead.GetByTestId("pending-count")).ToHaveTextAsync("0");
        await Task.Delay(7000, TestContext.Current.CancellationToken);
        Assert.Equal(0, await QueueAsync("1"));
        await Expect(lane.GetByTestId("lead-queue")).ToHaveTextAsync("0");

        // Left alone, the same tap shows at once, waits out its countdown on the phone, then reaches the server.
        await lane.GetByTestId("arrived-5").ClickAsync();
        await Expect(lane.GetByTestId("lead-queue")).ToHaveTextAsync("5");
        await Expect(lead.GetByTestId("pending-count")).ToHaveTextAsync("1");
        await Task.Delay(3000, TestContext.Current.CancellationToken);
        Assert.Equal(0, await QueueAsync("1"));

        await Expect(lead.GetByTestId("pending-count")).ToHaveTextAsync("0", Screens.HeldTapsSent);
        await Expect(bar).ToBeHiddenAsync();
        Assert.Equal(5, await QueueAsync("1"));
        await Expect(lane.GetByTestId("lead-queue")).ToHaveTextAsync("5");
    }

    [Fact]
    public async Task A_lead_who_needs_longer_keeps_each_tap_a_minute_on_this_phone_and_can_still_undo_it_after_five_seconds()
    {
        var lead = await SignedInConsoleAsync(Status("1", "open"));
        var lane = Lane(lead, "1");
        var undo = lead.GetByTestId("lead-undo");
        var choice = lead.GetByLabel("撤销时限");
        await Expect(choice).ToHaveValueAsync("5");

        await choice.SelectOptionAsync("60");
        await lane.GetByTestId("arrived-5").ClickAsync();
        await Expect(undo).ToHaveTextAsync(new Regex(@"^撤销 \((60|59)\)$"));
        await Expect(lead.Locator("#undo-announcer")).ToContainTextAsync("60 秒内可撤销");
        await Task.Delay(7000, TestContext.Current.CancellationToken);
        Assert.Equal(0, await QueueAsync("1"));
        await undo.ClickAsync();

        await Expect(lead.GetByTestId("lead-undo-bar")).ToBeHiddenAsync();
        await Expect(lane.GetByTestId("lead-queue")).ToHaveTextAsync("0");
        Assert.Equal(0, await QueueAsync("1"));
        // The choice is the phone's: it is still there after a reload.
        await lead.ReloadAsync();
        await Expect(lead.GetByLabel("撤销时限")).ToHaveValueAsync("60");
    }

    [Fact]
    public async Task The_countdown_stands_still_while_focus_is_on_undo_and_runs_on_when_it_leaves()
    {
        var lead = await SignedInConsoleAsync(Status("1", "open"));
        var lane = Lane(lead, "1");
        var bar = lead.GetByTestId("lead-undo-bar");
        var undo = lead.GetByTestId("lead-undo");

        await lane.GetByTestId("arrived-1").ClickAsync();
        await undo.FocusAsync();
        await Expect(bar).ToHaveAttributeAsync("data-frozen", "true");
        var shown = await undo.TextContentAsync();
        await Task.Delay(7000, TestContext.Current.CancellationToken);
        await Expect(bar).ToBeVisibleAsync();
        await Expect(undo).ToHaveTextAsync(shown!);
        Assert.Equal(0, await QueueAsync("1"));

        // Focus back on the lane: the tap counts down from where it stood and is sent.
        await lane.GetByTestId("arrived-1").FocusAsync();
        await Expect(bar).ToHaveAttributeAsync("data-frozen", "false");
        await Expect(lead.GetByTestId("pending-count")).ToHaveTextAsync("0", Screens.HeldTapsSent);
        Assert.Equal(1, await QueueAsync("1"));
    }

    [Fact]
    public async Task Pausing_a_lane_that_still_holds_people_asks_first_and_an_empty_lane_does_not()
    {
        var lead = await SignedInConsoleAsync(Status("1", "open"), Arrived("1", 12), Status("2", "open"));
        var busy = Lane(lead, "1");
        var empty = Lane(lead, "2");
        var dialog = lead.GetByTestId("lead-confirm");
        var bar = lead.GetByTestId("lead-undo-bar");
        await Expect(busy.GetByTestId("lead-queue")).ToHaveTextAsync("12");
        await Expect(busy.GetByTestId("lead-wait")).ToContainTextAsync("分钟");

        await busy.GetByTestId("pause").ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToHaveAttributeAsync("role", "alertdialog");
        await Expect(dialog).ToContainTextAsync("1号通道还有 12 人排队，确定暂停？");
        await Expect(lead.GetByTestId("lead-confirm-no")).ToBeFocusedAsync();
        await lead.GetByTestId("lead-confirm-no").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(bar).ToHaveAttributeAsync("data-pending", "0");
        await Expect(busy).ToHaveAttributeAsync("data-status", "open");

        // Esc is "no" as well.
        await busy.GetByTestId("pause").ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await lead.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(bar).ToHaveAttributeAsync("data-pending", "0");
        await Task.Delay(7000, TestContext.Current.CancellationToken);
        Assert.Equal("open", await StatusAsync("1"));

        await busy.GetByTestId("pause").ClickAsync();
        await lead.GetByTestId("lead-confirm-yes").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(busy).ToHaveAttributeAsync("data-status", "paused");
        await Expect(bar).ToHaveAttributeAsync("data-pending", "1");
        // Shown paused, the lane shows no wait, though residents see one until the tap is sent.
        await Expect(busy.GetByTestId("lead-wait")).ToHaveTextAsync("暂无等待时间");

        // No one queued: the tap is taken at once, without a question.
        await empty.GetByTestId("pause").ClickAsync();
        await Expect(bar).ToHaveAttributeAsync("data-pending", "2");
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(empty).ToHaveAttributeAsync("data-status", "paused");

        await Expect(lead.GetByTestId("pending-count")).ToHaveTextAsync("0", Screens.HeldTapsSent);
        Assert.Equal("paused", await StatusAsync("1"));
        Assert.Equal("paused", await StatusAsync("2"));
        Assert.Equal(12, await QueueAsync("1"));
    }

    [Fact]
    public async Task Signing_out_with_taps_not_sent_asks_each_time_and_Esc_keeps_the_lead_signed_in()
    {
        await OpenSiteAsync(Status("1", "open"));
        var lead = await browser.NewPageAsync();
        var code = await _admin.NewLeadCodeAsync(_siteId);
        await Screens.SignInAsync(lead, _siteId, code);
        var dialog = lead.GetByTestId("lead-confirm");
        var signIn = lead.GetByTestId("lead-code-input");

        // A tap still held on the phone: signing out asks, and yes signs out, keeping the tap for the next sign-in.
        await Lane(lead, "1").GetByTestId("arrived-1").ClickAsync();
        await lead.GetByTestId("lead-signout").ClickAsync();
        await Expect(dialog).ToContainTextAsync("还有 1 条操作尚未发送");
        await Expect(lead.GetByTestId("lead-confirm-no")).ToBeFocusedAsync();
        await lead.GetByTestId("lead-confirm-yes").ClickAsync();
        await Expect(signIn).ToBeVisibleAsync();

        // Signed in again, with another tap held: Esc answers no, however the last question was answered.
        await signIn.FillAsync(code);
        await lead.GetByTestId("signin").ClickAsync();
        await Lane(lead, "1").GetByTestId("arrived-1").ClickAsync();
        await lead.GetByTestId("lead-signout").ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await lead.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(signIn).ToBeHiddenAsync();
        await Expect(Lane(lead, "1")).ToBeVisibleAsync();

        await Expect(lead.GetByTestId("pending-count")).ToHaveTextAsync("0", Screens.HeldTapsSent);
        Assert.Equal(2, await QueueAsync("1"));
        await Expect(signIn).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_sign_in_holds_for_every_tab_on_the_phone_until_the_code_is_revoked_and_a_tap_made_then_is_kept()
    {
        await OpenSiteAsync(Status("1", "open"));
        var first = await browser.NewPageAsync();
        await Screens.SignInAsync(first, _siteId, await _admin.NewLeadCodeAsync(_siteId));

        // A new tab of the console on the same phone: no code asked for.
        var second = await first.Context.NewPageAsync();
        await second.GotoAsync($"/lead/{_siteId}");
        await Expect(second.GetByTestId("lead-lane").First).ToBeVisibleAsync();
        await Expect(second.GetByTestId("lead-signout")).ToBeVisibleAsync();
        await Expect(second.GetByTestId("lead-code-input")).ToBeHiddenAsync();

        using (var revoked = await _admin.DeleteAsync($"/api/v1/sites/{_siteId}/lead-codes", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        // The next call with the revoked code is refused: the console forgets it and says why, in every tab.
        await Lane(second, "1").GetByTestId("arrived-1").ClickAsync();
        await Expect(second.GetByTestId("signin-error")).ToHaveTextAsync("登录码已失效，请向指挥中心索取新码。", Screens.HeldTapsSent);
        await Expect(second.GetByTestId("lead-code-input")).ToBeVisibleAsync();
        await Expect(first.GetByTestId("signin-error")).ToHaveTextAsync("登录码已失效，请向指挥中心索取新码。");
        await Expect(first.GetByTestId("lead-lane").First).ToBeHiddenAsync();
        await second.ReloadAsync();
        await Expect(second.GetByTestId("lead-code-input")).ToBeVisibleAsync();
        await Expect(second.GetByTestId("signin-error")).ToHaveTextAsync("登录码已失效，请向指挥中心索取新码。");
        Assert.Equal(0, await QueueAsync("1"));

        // The tap is still on the phone and goes out with the new code.
        await second.GetByTestId("lead-code-input").FillAsync(await _admin.NewLeadCodeAsync(_siteId));
        await second.GetByTestId("signin").ClickAsync();
        await Expect(second.GetByTestId("lead-lane").First).ToBeVisibleAsync();
        await Expect(second.GetByTestId("pending-count")).ToHaveTextAsync("0", Screens.HeldTapsSent);
        Assert.Equal(1, await QueueAsync("1"));
    }

    [Fact]
    public async Task Offline_a_tap_is_saved_on_the_phone_in_plain_words_and_sent_when_the_network_returns()
    {
        var lead = await SignedInConsoleAsync(Status("1", "open"));
        await lead.Locator("#lang-toggle").ClickAsync();
        await Expect(lead.Locator("html")).ToHaveAttributeAsync("lang", "en");
        var note = lead.GetByTestId("lead-offline-note");
        await Expect(note).ToHaveTextAsync("All sent");

        await lead.Context.SetOfflineAsync(true);
        await Lane(lead, "1").GetByTestId("arrived-1").ClickAsync();
        await Expect(lead.GetByTestId("lead-undo-bar")).ToContainTextAsync("Recorded +1 arrived");
        await Expect(note).ToHaveTextAsync("Offline · saved on this phone (1 to send)");

        // Past its countdown it cannot be sent, and stays saved.
        await Task.Delay(7000, TestContext.Current.CancellationToken);
        await Expect(note).ToHaveTextAsync("Offline · saved on this phone (1 to send)");
        await Expect(lead.GetByTestId("pending-count")).ToHaveTextAsync("1");
        Assert.Equal(0, await QueueAsync("1"));

        await lead.Context.SetOfflineAsync(false);
        await Expect(note).ToHaveTextAsync("All sent", new() { Timeout = 20_000 });
        await Expect(lead.GetByTestId("pending-count")).ToHaveTextAsync("0");
        Assert.Equal(1, await QueueAsync("1"));
    }

    [Fact]
    public async Task A_sent_tap_stays_on_screen_when_the_read_that_should_confirm_it_fails()
    {
        await OpenSiteAsync(Status("1", "open"));
        var lead = await browser.NewPageAsync();

        // No live connection, so the only pictures are reads; then the site's read fails while the tap goes through.
        await lead.RouteAsync("**/hubs/queue**", route => route.AbortAsync());
        await Screens.SignInAsync(lead, _siteId, await _admin.NewLeadCodeAsync(_siteId));
        await lead.RouteAsync($"**/api/v1/sites/{_siteId}", route => route.Request.Method == "GET" ? route.AbortAsync() : route.ContinueAsync());
        var queue = Lane(lead, "1").GetByTestId("lead-queue");

        await Lane(lead, "1").GetByTestId("arrived-5").ClickAsync();
        await Expect(lead.GetByTestId("pending-count")).ToHaveTextAsync("0", Screens.HeldTapsSent);
        Assert.Equal(5, await QueueAsync("1"));

        // The server has the five; a screen showing 0 would have the lead tap them again.
        for (var i = 0; i < 6; i++)
        {
            await Expect(queue).ToHaveTextAsync("5");
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Taps_made_after_an_offline_reload_on_a_phone_minutes_fast_are_counted()
    {
        await OpenSiteAsync(Status("1", "open"));
        var lead = await browser.NewPageAsync();

        // The phone's clock runs five minutes ahead; the server refuses events stamped over two minutes ahead.
        await lead.AddInitScriptAsync("(() => { const real = Date.now.bind(Date); Date.now = () => real() + 5 * 60 * 1000; })();");
        await Screens.SignInAsync(lead, _siteId, await _admin.NewLeadCodeAsync(_siteId));

        // Reloaded with the API out of reach: the console comes up from the phone and stamps taps before any answer.
        await lead.RouteAsync("**/api/**", route => route.AbortAsync());
        await lead.RouteAsync("**/hubs/**", route => route.AbortAsync());
        await lead.ReloadAsync();
        await Lane(lead, "1").GetByTestId("arrived-1").ClickAsync();
        await Expect(lead.GetByTestId("pending-count")).ToHaveTextAsync("1");
        await Task.Delay(7000, TestContext.Current.CancellationToken);

        await lead.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.IgnoreErrors });
        await Expect(lead.GetByTestId("pending-count")).ToHaveTextAsync("0", new() { Timeout = 30_000 });
        Assert.Equal(1, await QueueAsync("1"));
        await Expect(lead.Locator("#rejected")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_tap_for_a_lane_removed_while_the_phone_was_offline_is_refused_in_the_pages_language()
    {
        var lead = await SignedInConsoleAsync(Status("1", "open"), Status("2", "open"));

        // Offline, the lead counts one in at lane 2; meanwhile the district removes lane 2.
        await lead.RouteAsync("**/api/**", route => route.AbortAsync());
        await lead.RouteAsync("**/hubs/**", route => route.AbortAsync());
        await Lane(lead, "2").GetByTestId("arrived-1").ClickAsync();
        await Expect(lead.GetByTestId("pending-count")).ToHaveTextAsync("1");
        await _admin.CreateSiteAsync(_siteId, StandardSite("1"));
        await Task.Delay(6000, TestContext.Current.CancellationToken);

        await lead.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.IgnoreErrors });
        var rejected = lead.GetByTestId("rejected-list");
        await Expect(rejected).ToContainTextAsync("本点已没有 2 号通道（已被删除）", new() { Timeout = 30_000 });
        await Expect(rejected).Not.ToContainTextAsync("has no lane");
        await Expect(lead.GetByTestId("pending-count")).ToHaveTextAsync("0");

        await lead.Locator("#lang-toggle").ClickAsync();
        await Expect(rejected).ToContainTextAsync("This site no longer has lane 2 (it was removed)");
    }

    [Fact]
    public async Task A_console_reloaded_offline_shows_a_copy_from_hours_ago_as_old_at_once_and_a_fresh_one_as_current()
    {
        var lead = await SignedInConsoleAsync(Status("1", "open"), Arrived("1", 4));
        await Expect(Lane(lead, "1").GetByTestId("lead-queue")).ToHaveTextAsync("4");
        var body = lead.Locator("body");
        var stale = new Regex(@"\bstale\b", RegexOptions.None, TimeSpan.FromSeconds(1));

        // Offline and reloaded minutes after the copy was taken: current, with its time in the banner.
        await lead.RouteAsync("**/api/**", route => route.AbortAsync());
        await lead.RouteAsync("**/hubs/**", route => route.AbortAsync());
        await lead.ReloadAsync();
        await Expect(Lane(lead, "1").GetByTestId("lead-queue")).ToHaveTextAsync("4");
        await Expect(lead.Locator("#offline-banner")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(lead.Locator("#offline-banner")).ToContainTextAsync("最后更新");
        await Expect(body).Not.ToHaveClassAsync(stale);

        // The same copy as if taken five hours ago (a phone picked up the next morning): old from the start.
        await lead.EvaluateAsync($$"""
            () => {
              const key = 'qb.lead.site.{{_siteId}}';
              const kept = JSON.parse(localStorage.getItem(key));
              localStorage.setItem(key, JSON.stringify({ ...kept, at: Date.now() - 5 * 3600 * 1000 }));
            }
            """);
        await lead.ReloadAsync();
        await Expect(Lane(lead, "1").GetByTestId("lead-queue")).ToHaveTextAsync("4");
        await Expect(body).ToHaveClassAsync(stale, new() { Timeout = 5_000 });
    }

    [Fact]
    public async Task A_picture_built_before_a_tap_reaching_the_phone_after_its_200_does_not_take_the_tap_off_the_screen()
    {
        await OpenSiteAsync(Status("1", "open"));
        var lead = await browser.NewPageAsync();

        // Pushes out of reach; the read at sign-in is kept, and the read that confirms the tap gets it back: a picture
        // built before the tap that arrives after its 200, as a push or read late on its way does.
        await lead.RouteAsync("**/hubs/**", route => route.AbortAsync());
        IAPIResponse? beforeTap = null;
        var stale = 0;
        await lead.RouteAsync($"**/api/v1/sites/{_siteId}", async route =>
        {
            if (route.Request.Method != "GET")
            {
                await route.ContinueAsync();
            }
            else if (beforeTap is null)
            {
                beforeTap = await route.FetchAsync();
                await route.FulfillAsync(new() { Response = beforeTap });
            }
            else if (Interlocked.Increment(ref stale) == 1)
            {
                await route.FulfillAsync(new() { Response = beforeTap });
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        await Screens.SignInAsync(lead, _siteId, await _admin.NewLeadCodeAsync(_siteId));
        var queue = Lane(lead, "1").GetByTestId("lead-queue");

        await Lane(lead, "1").GetByTestId("arrived-1").ClickAsync();
        await Expect(lead.GetByTestId("pending-count")).ToHaveTextAsync("0", Screens.HeldTapsSent);

        // From its 200 on, through the stale read and the next: the tap stays on screen.
        for (var i = 0; i < 16; i++)
        {
            Assert.Equal("1", (await queue.TextContentAsync())?.Trim());
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        Assert.True(stale >= 1, "the stale read was never asked for");
        Assert.Equal(1, await QueueAsync("1"));
    }

    [Fact]
    public async Task A_tap_whose_picture_is_pushed_before_its_200_is_counted_once_on_the_screen()
    {
        await OpenSiteAsync(Status("1", "open"), Arrived("1", 10));
        var lead = await browser.NewPageAsync();

        // The answer to the post comes 600 ms after the node applied it, by when its push has shown the tap.
        await lead.RouteAsync($"**/api/v1/sites/{_siteId}/events", async route =>
        {
            var applied = await route.FetchAsync();
            await Task.Delay(600);
            await route.FulfillAsync(new() { Response = applied });
        });
        await Screens.SignInAsync(lead, _siteId, await _admin.NewLeadCodeAsync(_siteId));
        var queue = Lane(lead, "1").GetByTestId("lead-queue");
        await Expect(queue).ToHaveTextAsync("10");

        await Lane(lead, "1").GetByTestId("arrived-5").ClickAsync();
        await Expect(queue).ToHaveTextAsync("15");
        var shown = new HashSet<string>();
        var until = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < until)
        {
            shown.Add((await queue.TextContentAsync())?.Trim() ?? "");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Equal(["15"], shown);
        Assert.Equal(15, await QueueAsync("1"));
    }

    [Fact]
    public async Task Outside_its_hours_the_console_says_residents_see_the_site_closed_and_when_it_opens_and_taps_still_count()
    {
        // Opening hours that begin two whole hours from now in the district and last one hour.
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, District);
        var from = (now.Hour + 2) % 24;
        var day = from > now.Hour ? "今日" : "明日";
        var opens = $"{from:00}:00";
        await _admin.CreateSiteAsync(_siteId, new
        {
            name = "休息测试采样点",
            nameEn = "Resting Test Site",
            area = "环市街道",
            latitude = 22.95,
            longitude = 112.70,
            openHours = new[] { new { from = opens, to = $"{from + 1:00}:00" } },
            lanes = new[] { new { id = "1", name = "1号通道", kind = "standard" } },
        });
        var site = await browser.App.Anonymous().GetJsonAsync($"/api/v1/sites/{_siteId}");
        Assert.False(site["withinHours"]!.GetValue<bool>());

        var lead = await browser.NewPageAsync();
        await Screens.SignInAsync(lead, _siteId, await _admin.NewLeadCodeAsync(_siteId));
        var resting = lead.GetByTestId("lead-resting");
        await Expect(resting).ToHaveTextAsync($"休息中 · 居民看到本点未开放 · {day} {opens} 开放");

        // A lead may get ready before opening: taps count all the same.
        var lane = Lane(lead, "1");
        await lane.GetByTestId("open").ClickAsync();
        await lane.GetByTestId("arrived-1").ClickAsync();
        await Expect(lead.GetByTestId("pending-count")).ToHaveTextAsync("0", Screens.HeldTapsSent);
        Assert.Equal(1, await QueueAsync("1"));
        await Expect(resting).ToBeVisibleAsync();

        await lead.Locator("#lang-toggle").ClickAsync();
        var english = day == "今日" ? "today" : "tomorrow";
        await Expect(resting).ToHaveTextAsync($"Resting · residents see this site closed · opens {english} {opens}");
    }

    // A site opened with `events` and its console signed in on a new phone.
    private async Task<IPage> SignedInConsoleAsync(params object[] events)
    {
        await OpenSiteAsync(events);
        var lead = await browser.NewPageAsync();
        await Screens.SignInAsync(lead, _siteId, await _admin.NewLeadCodeAsync(_siteId));
        return lead;
    }

    private async Task OpenSiteAsync(params object[] events)
    {
        await _admin.CreateSiteAsync(_siteId);
        using var response = await _admin.PostEventsAsync(_siteId, events);
        response.EnsureSuccessStatusCode();
    }

    private static ILocator Lane(IPage lead, string laneId) => lead.Locator($"[data-testid=lead-lane][data-lane-id='{laneId}']");

    private async Task<int> QueueAsync(string laneId) =>
        (await browser.App.Anonymous().GetJsonAsync($"/api/v1/sites/{_siteId}")).Lane(laneId).Number("queueLength");

    private async Task<string> StatusAsync(string laneId) =>
        (await browser.App.Anonymous().GetJsonAsync($"/api/v1/sites/{_siteId}")).Lane(laneId)["status"]!.GetValue<string>();

    [GeneratedRegex(@"^撤销 \([1-5]\)$")]
    private static partial Regex UndoCountdown();
}
