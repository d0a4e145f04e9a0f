using System.Globalization;
using QueueBoard.Testing;
using static Microsoft.Playwright.Assertions;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Browser.Tests;

/// <summary>Each screen shows the demo district as a person opening it would see it; screenshots go to docs/screenshots.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageTests(BrowserFixture browser)
{
    public const int DemoSites = 31;
    public const string DemoSite = "qunxing-park";
    public const int DemoSiteLanes = 8;

    // The tallest wait figure on a wall: the demo pauses a lane now and then, and a lane on a break shows a smaller one.
    private const string TallestWait = """
        () => Math.max(0, ...[...document.querySelectorAll('[data-testid=lane-tile] .tile-wait-value')].map((wait) => wait.getBoundingClientRect().height))
        """;

    // The wall's tallest wait once it reaches `atLeast` after the screen changed size, or as it stands after 5 s: the wall
    // fits its tiles afresh a moment after the resize.
    private static async Task<double> TallestWaitOnceAtLeastAsync(Microsoft.Playwright.IPage page, double atLeast)
    {
        var tallest = 0.0;
        for (var attempt = 0; attempt < 20 && tallest < atLeast; attempt++)
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
            tallest = await page.EvaluateAsync<double>(TallestWait);
        }

        return tallest;
    }

    [Fact]
    public async Task The_resident_board_lists_every_demo_site_with_its_wait_in_both_languages()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        var rows = page.GetByTestId("site-row");
        await Expect(rows.Nth(DemoSites - 1)).ToBeVisibleAsync();
        await Expect(page.Locator($"[data-testid=site-row][data-site-id={DemoSite}]")).ToContainTextAsync("群星公园采样点");
        await Expect(page.Locator("#board-summary")).ToContainTextAsync("采样点");
        await Screenshots.SaveAsync(page, "board-zh");

        // A keyboard alone opens a site's lanes.
        var row = page.Locator($"[data-testid=site-row][data-site-id={DemoSite}] button.row-main");
        await row.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(row).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(page.Locator($"[data-testid=site-row][data-site-id={DemoSite}] .row-detail")).ToContainTextAsync("1号通道");
        await Expect(page.GetByTestId("best-time")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page.Locator($"[data-testid=site-row][data-site-id={DemoSite}]"), "site-zh");
        await row.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(row).ToHaveAttributeAsync("aria-expanded", "false");

        await page.Locator("#lang-toggle").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator($"[data-testid=site-row][data-site-id={DemoSite}]")).ToContainTextAsync("Qunxing Park");
        await Screenshots.SaveAsync(page, "board-en");
    }

    [Theory]
    [InlineData(320)]
    [InlineData(360)]
    [InlineData(390)]
    [InlineData(412)]
    [InlineData(800)]
    public async Task From_a_narrow_phone_to_a_desktop_the_boards_tools_and_language_toggle_keep_each_label_whole_in_both_languages(int width)
    {
        var page = await browser.NewPageAsync(width, 740);
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("site-row").First).ToBeVisibleAsync();

        // A label broken over two lines makes its control taller than the one line it is sized for.
        await Screens.AssertNothingWrongInEitherLanguageAsync(
            page,
            Screens.LayoutScript("""
              const oneLine = parseFloat(getComputedStyle(document.documentElement).fontSize) * 2.9 + 1;
              wrong.push(...[...document.querySelectorAll('.sort-btn, #green-filter, #area-filter, #lang-toggle')]
                .filter((el) => el.getBoundingClientRect().height > oneLine || el.scrollWidth > el.clientWidth + 1)
                .map((el) => `${el.id}: ${Math.round(el.getBoundingClientRect().height)} px high, ${el.scrollWidth} px of text in ${el.clientWidth}`));
              // A list box and a search box cut their words short without scrolling: they must fit, beside the list's arrow.
              const ctx = document.createElement('canvas').getContext('2d');
              for (const [id, words, arrow] of [['area-filter', (el) => el.selectedOptions[0].text, 20], ['search', (el) => el.placeholder, 0]]) {
                const el = document.getElementById(id);
                const style = getComputedStyle(el);
                ctx.font = style.font;
                const used = ctx.measureText(words(el)).width;
                const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - arrow;
                if (used > room) wrong.push(`${id}: ${Math.round(used)} px of words in ${Math.round(room)}`);
              }
              """),
            $"{width} px");
    }

    [Theory]
    [InlineData("dark", "rgb(22, 28, 36)")]
    [InlineData("light", "rgb(243, 245, 247)")]
    public async Task The_board_follows_the_phones_light_or_dark_setting(string scheme, string background)
    {
        // A resident checking the queue at night with the phone set to dark is not dazzled by a white page; the wall,
        // the command centre and the desk pages stay dark whatever the setting, the lead console light for the sun.
        var page = await browser.NewPageAsync();
        await page.EmulateMediaAsync(new() { ColorScheme = scheme == "dark" ? Microsoft.Playwright.ColorScheme.Dark : Microsoft.Playwright.ColorScheme.Light });
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("site-row").First).ToBeVisibleAsync();
        Assert.Equal(background, await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        Assert.Equal(scheme, await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).colorScheme"));
    }

    // A phone held sideways, as its browser leaves the page: an iPhone's Safari, a Pixel's and an older Android's Chrome.
    [Theory]
    [InlineData(844, 340)]
    [InlineData(740, 310)]
    [InlineData(667, 320)]
    public async Task On_a_phone_held_sideways_the_board_shows_a_whole_site_below_its_tools_in_both_languages(int width, int height)
    {
        var page = await browser.NewPageAsync(width, height, touch: true);
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("site-row").First).ToBeVisibleAsync();

        // The header and tools took two-thirds of the first screen, and the first site's wait ran off its foot. The tools'
        // labels may leave the screen there, but not the screen reader, and a voice-control user who says the words
        // the search box shows (its hint) must still reach it: the hint begins with its label's words.
        await Expect(page.GetByLabel("搜索采样点")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("街道 / 镇")).ToBeVisibleAsync();
        var script = Screens.LayoutScript("""
            const first = document.querySelector('[data-testid=site-row]').getBoundingClientRect();
            if (first.bottom > innerHeight) wrong.push(`the first site ends at ${Math.round(first.bottom)} px of ${innerHeight}`);
            const search = document.getElementById('search');
            const label = document.querySelector('label[for=search]');
            if (!search.placeholder.startsWith(label.textContent.trim())) {
              wrong.push(`the search hint "${search.placeholder}" does not begin with its label "${label.textContent.trim()}"`);
            }
            """);
        await Screens.AssertNothingWrongInEitherLanguageAsync(page, script, $"{width}x{height}");

        // The demo's longest name first, in a summary naming it too: the page must hold the worst of them as well.
        await page.Locator("#lang-toggle").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await page.GetByLabel("搜索采样点").FillAsync("泰昌");
        await Expect(page.GetByTestId("site-row")).ToHaveCountAsync(1);
        await Screens.AssertNothingWrongInEitherLanguageAsync(page, script, $"{width}x{height}, the longest name first");
    }

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(2560, 1440)]
    [InlineData(3840, 2160)]
    public async Task The_skip_link_is_out_of_sight_until_the_keyboard_reaches_it_on_every_page_and_screen(int width, int height)
    {
        // A desk's screen at 100% scale: the command centre's letters grow with the screen, and the link must neither
        // peek out above the page nor stay hidden once focused.
        foreach (var path in new[] { "/", "/command", "/command/admin", "/command/summary" })
        {
            var page = await browser.NewPageAsync(width, height);
            await page.GotoAsync(path);
            if (path.StartsWith("/command/", StringComparison.Ordinal))
            {
                // The desk pages as an operator uses them: signed in (the token is kept for the tab), the page loaded afresh.
                await page.GetByTestId("admin-token-input").FillAsync(QueueBoardAppFactory.AdminToken);
                await page.GetByTestId("admin-signin").ClickAsync();
                await Expect(page.GetByTestId("admin-token-input")).Not.ToBeVisibleAsync();
                await page.ReloadAsync();
            }

            var skip = page.Locator(".skip-link");
            var bottom = await skip.EvaluateAsync<double>("(link) => link.getBoundingClientRect().bottom");
            Assert.True(bottom <= 0, $"{path} at {width}x{height}: the skip link reaches {bottom} px into the page");

            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>("() => document.activeElement.outerHTML.slice(0, 120)");
            Assert.True(await skip.EvaluateAsync<bool>("(link) => link === document.activeElement"), $"{path}: the first Tab reached {focused}");
            await Expect(skip).ToBeInViewportAsync(new() { Ratio = 1 });
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData(1280, 720)]
    [InlineData(1366, 768)]
    [InlineData(1920, 1080)]
    [InlineData(1080, 1920)]
    [InlineData(1024, 768)]
    [InlineData(1280, 1024)]
    public async Task The_wall_cuts_no_lane_name_wait_range_or_label_short_in_either_language(int width, int height)
    {
        var page = await browser.NewPageAsync(width, height);
        await page.GotoAsync($"/wall/{DemoSite}");
        await Expect(page.GetByTestId("lane-tile")).ToHaveCountAsync(DemoSiteLanes);
        await Expect(page.Locator("[data-testid=lane-tile] [data-testid=lane-wait-range]").First).Not.ToBeEmptyAsync();

        // A box that hides what overflows it holds more than it shows; a lane's tile is whole above the trend.
        await Screens.AssertNothingWrongInEitherLanguageAsync(
            page,
            """
            () => {
              const cut = [...document.querySelectorAll('[data-testid=lane-tile] .tile-wait, [data-testid=lane-tile] .tile-facts, .total')]
                .filter((el) => el.scrollWidth > el.clientWidth + 1)
                .map((el) => `${el.closest('[data-lane-id]')?.dataset.laneId ?? 'totals'} ${el.className}: ${el.scrollWidth} px in ${el.clientWidth}`);
              // A name short of its room by a pixel already ends in "…": "Green lane…" could be either green lane.
              for (const name of document.querySelectorAll('[data-testid=lane-tile] .tile-name')) {
                if (name.scrollWidth > name.clientWidth) cut.push(`"${name.textContent}" shown as "…" in ${name.clientWidth} px of ${name.scrollWidth}`);
              }
              const trendTop = document.querySelector('.trend').getBoundingClientRect().top;
              for (const tile of document.querySelectorAll('[data-testid=lane-tile]')) {
                const box = tile.getBoundingClientRect();
                if (box.height < 60 || box.bottom > trendTop + 1) cut.push(`lane ${tile.dataset.laneId}: ${Math.round(box.height)} px high, ending at ${Math.round(box.bottom)} above the trend at ${Math.round(trendTop)}`);
                if (tile.scrollHeight > tile.clientHeight + 1) cut.push(`lane ${tile.dataset.laneId}: ${tile.scrollHeight} px of words in ${tile.clientHeight}`);
              }
              return cut;
            }
            """,
            $"{width}x{height}");
    }

    [Fact]
    public async Task Turned_on_its_side_the_same_wall_shows_each_lanes_wait_no_smaller()
    {
        var page = await browser.NewPageAsync(1920, 1080);
        await page.GotoAsync($"/wall/{DemoSite}");
        await Expect(page.GetByTestId("lane-tile")).ToHaveCountAsync(DemoSiteLanes);
        await Expect(page.Locator("[data-testid=lane-tile] .tile-wait-value").First).Not.ToBeEmptyAsync();
        var landscape = await page.EvaluateAsync<double>(TallestWait);
        Assert.True(landscape > 0, "no lane of the demo site shows a wait");

        // The same TV on its side, as a kiosk turns it: read from the same 5 m, a wait must not shrink because the
        // tiles' width halved while their height doubled.
        await page.SetViewportSizeAsync(1080, 1920);
        var portrait = await TallestWaitOnceAtLeastAsync(page, landscape);

        Assert.True(portrait >= landscape, $"On its side the wall's waits are at most {portrait:0} px tall, against {landscape:0} on the same TV upright");
    }

    [Theory]
    [InlineData(1024, 768)]
    [InlineData(1280, 1024)]
    public async Task On_a_4_to_3_or_5_to_4_screen_the_walls_waits_grow_into_the_height_a_16_to_9_one_lacks(int width, int height)
    {
        // Every size follows the widest 16:9 area a screen holds, so a 4:3 monitor at a site lays the page out as the
        // 16:9 screen of its width would, and the height left over goes to the lanes' tiles: their figures should use it.
        var page = await browser.NewPageAsync(width, width * 9 / 16);
        await page.GotoAsync($"/wall/{DemoSite}");
        await Expect(page.GetByTestId("lane-tile")).ToHaveCountAsync(DemoSiteLanes);
        await Expect(page.Locator("[data-testid=lane-tile] .tile-wait-value").First).Not.ToBeEmptyAsync();
        var wide = await page.EvaluateAsync<double>(TallestWait);
        Assert.True(wide > 0, "no lane of the demo site shows a wait");

        await page.SetViewportSizeAsync(width, height);
        var tall = await TallestWaitOnceAtLeastAsync(page, wide * 1.3);

        Assert.True(tall >= wide * 1.3, $"At {width}x{height} the wall's waits are at most {tall:0} px tall, against {wide:0} at {width}x{width * 9 / 16}");
    }

    [Theory]
    [InlineData(320)]
    [InlineData(360)]
    public async Task On_a_narrow_phone_the_lead_consoles_buttons_keep_their_words_on_one_line_in_both_languages(int width)
    {
        using var admin = browser.App.Admin();
        var lead = await browser.NewPageAsync(width, 800);
        await Screens.SignInAsync(lead, DemoSite, await admin.NewLeadCodeAsync(DemoSite));

        // A gloved thumb reads a button at a glance: "开放" broken into 开 and 放 is two words.
        await Screens.AssertNothingWrongInEitherLanguageAsync(
            lead,
            $$"""
            () => {
              {{Screens.LinesFunction}}
              return [...new Set([...document.querySelectorAll('[data-testid=lead-lane] button')]
                .filter((button) => lines(button) > 1).map((button) => button.textContent.trim()))];
            }
            """,
            $"{width} px");
    }

    [Theory]
    [InlineData(844, 340, false, false)]
    [InlineData(740, 310, false, false)]
    [InlineData(667, 320, false, false)]
    [InlineData(640, 300, false, false)]
    [InlineData(667, 320, true, false)]
    [InlineData(667, 320, false, true)]
    [InlineData(844, 340, false, true)]
    public async Task On_a_phone_held_sideways_each_lane_of_the_lead_console_shows_every_control_at_once(int width, int height, bool tapHeld, bool longLaneNames)
    {
        using var admin = browser.App.Admin();
        var siteId = DemoSite;
        if (longLaneNames)
        {
            // Names as a site writes them on its tents: they once pushed the queue off the card and the page sideways.
            siteId = NewSiteId();
            await admin.CreateSiteAsync(siteId, SiteWithLanes(
                "长名通道测试采样点",
                "Long Lane Names Test Site",
                ("1", "东侧临时帐篷采样区一号通道老人儿童优先请排队", "standard"),
                ("2", "North Gate Temporary Tent Lane, Block Seven", "green")));
            using var opened = await admin.PostEventsAsync(siteId, Status("1", "open"), Arrived("1", 120), Status("2", "open"), Arrived("2", 40));
            opened.EnsureSuccessStatusCode();
        }

        var lead = await browser.NewPageAsync(width, height, touch: true);
        await Screens.SignInAsync(lead, siteId, await admin.NewLeadCodeAsync(siteId));
        if (tapHeld)
        {
            // Held for a minute, so that the undo bar is still up for both languages' checks. The tap is made in English,
            // whose longer words ("incl. +1 pending") once pushed the lane onto a second line: nothing may move under
            // a thumb about to tap again.
            await lead.GetByTestId("lead-undo-seconds").SelectOptionAsync("60");
            await lead.Locator("#lang-toggle").ClickAsync();
            var lane = lead.GetByTestId("lead-lane").Last;
            await lane.ScrollIntoViewIfNeededAsync();
            const string Top = "(button) => button.getBoundingClientRect().top + scrollY";
            var before = await lane.GetByTestId("arrived-5").EvaluateAsync<double>(Top);
            await lane.GetByTestId("arrived-1").ClickAsync();
            await Expect(lead.GetByTestId("lead-undo-bar")).ToBeVisibleAsync();
            await Expect(lane.GetByTestId("lane-pending-count")).ToHaveTextAsync("1");
            var after = await lane.GetByTestId("arrived-5").EvaluateAsync<double>(Top);
            Assert.True(Math.Abs(after - before) < 1, $"a held tap moved the lane's buttons {after - before:0} px");
            await lead.Locator("#lang-toggle").ClickAsync();
            await Expect(lead.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        }

        // A swabber turns the phone to type a headcount with both thumbs: a lane brought up by its chip must show all of
        // its taps and its headcount between the bars at the top (the sync bar, and the undo bar while a tap is held)
        // and any at the foot, not leave half of them a scroll away.
        await Screens.AssertNothingWrongInEitherLanguageAsync(
            lead,
            Screens.LayoutScript("""
            for (const card of document.querySelectorAll('[data-testid=lead-lane]')) {
              card.scrollIntoView({ block: 'start' });
              const bars = [...document.querySelectorAll('.sync-bar, [data-testid=lead-undo-bar]:not([hidden])')].map((bar) => bar.getBoundingClientRect());
              const top = Math.max(0, ...bars.filter((bar) => bar.top < innerHeight / 2).map((bar) => bar.bottom));
              const bottom = Math.min(innerHeight, ...bars.filter((bar) => bar.top >= innerHeight / 2).map((bar) => bar.top));
              const edge = card.getBoundingClientRect().right;
              for (const part of card.querySelectorAll('.lead-queue, .lane-wait, .lane-pause')) {
                if (part.getBoundingClientRect().right > edge || part.scrollWidth > part.clientWidth + 1) wrong.push(`${card.dataset.laneId}: "${part.textContent}" cut at the card's edge`);
              }
              for (const control of card.querySelectorAll('button, input')) {
                if (control.tagName === 'BUTTON' && lines(control) > 1) wrong.push(`"${control.textContent.trim()}" broken over ${lines(control)} lines`);
                if (control.scrollWidth > control.clientWidth + 1) wrong.push(`"${control.textContent.trim() || control.placeholder}" cut`);
                const box = control.getBoundingClientRect();
                if (box.top < top - 1 || box.bottom > bottom + 1) {
                  wrong.push(`${card.dataset.laneId}: "${control.textContent.trim() || control.placeholder}" at ${Math.round(box.top)}-${Math.round(box.bottom)} px, in view ${Math.round(top)}-${Math.round(bottom)}`);
                }
              }
            }
            scrollTo(0, 0);
            """),
            $"{width}x{height}{(tapHeld ? " with a tap held" : string.Empty)}{(longLaneNames ? " with long lane names" : string.Empty)}");
        if (tapHeld)
        {
            await Expect(lead.GetByTestId("lead-undo-bar")).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task On_the_command_centres_wall_no_site_name_of_the_demo_is_cut_in_either_language()
    {
        var page = await browser.NewPageAsync(1920, 1080);
        await page.GotoAsync("/command");
        await Expect(page.GetByTestId("site-tile").Nth(DemoSites - 1)).ToBeVisibleAsync();

        // The demo's English names run to 47 letters ("Taichang Electronics Factory (Xingfu Community)"), and a tile is a
        // tenth of the wall's width: an operator must read which site a tile is without opening it. Longer names:
        // LongSiteNameTests. Other tests' sites are here too; any name the page promises to show whole (up to 90
        // letters, a Chinese character one and a half) is checked.
        await Screens.AssertNothingWrongInEitherLanguageAsync(
            page,
            """
            () => [...document.querySelectorAll('[data-testid=site-tile] .tile-name')]
              .filter((name) => [...name.textContent].reduce((n, c) => n + (c.codePointAt(0) >= 0x2e80 ? 1.5 : 1), 0) <= 90)
              .filter((name) => name.scrollHeight > name.clientHeight + 2 || name.scrollWidth > name.clientWidth)
              .map((name) => `"${name.textContent}" cut in ${name.clientWidth}x${name.clientHeight} px`)
            """,
            "1920x1080");
    }

    [Theory]
    [InlineData(320, 640)]
    [InlineData(390, 844)]
    [InlineData(768, 1024)]
    [InlineData(1024, 768)]
    [InlineData(1024, 1366)]
    public async Task On_a_phone_or_a_tablet_the_command_centre_fits_its_width_in_both_languages(int width, int height)
    {
        // A site resting outside its hours gives the sites-by-state box its fifth and widest figure.
        var opens = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).AddHours(2);
        using var admin = browser.App.Admin();
        await admin.CreateSiteAsync(
            NewSiteId(),
            SiteWith("戊测试采样点", "Test Site E", from: opens.ToString("HH:mm", CultureInfo.InvariantCulture), to: opens.AddHours(2).ToString("HH:mm", CultureInfo.InvariantCulture)));
        var page = await browser.NewPageAsync(width, height);
        await page.GotoAsync("/command");
        await Expect(page.GetByTestId("site-tile").First).ToBeVisibleAsync();
        await Expect(page.Locator("#band-counts > li")).ToHaveCountAsync(5);

        // A district chief away from the wall opens it on a phone: nothing may sit past the screen's edge, where a
        // figure or a button is found only by sliding the page sideways.
        await Screens.AssertNothingWrongInEitherLanguageAsync(
            page,
            Screens.LayoutScript("""
            for (const el of document.querySelectorAll('.cmd-header > :not([hidden]), .cmd-header button:not([hidden]), .cmd-totals li, .total, [data-testid=site-tile]')) {
              const box = el.getBoundingClientRect();
              if (box.width > 0 && (box.left < 0 || box.right > width)) wrong.push(`"${el.textContent.replace(/\s+/g, " ").trim().slice(0, 30)}" at ${Math.round(box.left)}-${Math.round(box.right)} px`);
            }
            // A total's figure sized by the screen's height must still fit its box's width, not run into the next total.
            for (const figure of document.querySelectorAll('.total-value > .num')) {
              const box = figure.closest('.total').getBoundingClientRect();
              const right = figure.getBoundingClientRect().right;
              if (right > box.right) wrong.push(`"${figure.textContent}" ends at ${Math.round(right)} px, past its total's ${Math.round(box.right)}`);
            }
            """),
            $"{width}x{height}");
    }

    [Fact]
    public async Task On_a_tablet_on_its_side_the_command_centre_shows_two_rows_of_sites_without_scrolling()
    {
        // 1024x768, a tablet on its side or a small desk screen: the totals in two columns took three rows and left one
        // row of tiles in view; the sites are what the page is for.
        var page = await browser.NewPageAsync(1024, 768);
        await page.GotoAsync("/command");
        await Expect(page.GetByTestId("site-tile").Nth(DemoSites - 1)).ToBeAttachedAsync();
        var inView = await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('[data-testid=site-tile]')].filter((tile) => tile.getBoundingClientRect().bottom <= innerHeight).length");
        var perRow = await page.EvaluateAsync<int>(
            "() => { const tiles = [...document.querySelectorAll('[data-testid=site-tile]')]; const top = tiles[0].getBoundingClientRect().top; return tiles.filter((tile) => tile.getBoundingClientRect().top === top).length; }");
        Assert.True(inView >= 2 * perRow, $"{inView} tiles wholly in view at 1024x768, {perRow} to a row");
    }

    [Fact]
    public async Task The_board_announces_its_summary_politely_and_never_repeats_an_unchanged_one()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        var summary = page.Locator("#board-summary");
        await Expect(summary).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(summary).Not.ToBeEmptyAsync();

        // Every change a screen reader would hear, over several seconds of demo pushes.
        await page.EvaluateAsync(
            "() => { window.announced = [document.getElementById('board-summary').textContent]; new MutationObserver(() => window.announced.push(document.getElementById('board-summary').textContent))" +
            ".observe(document.getElementById('board-summary'), { childList: true, characterData: true, subtree: true }); }");
        await Task.Delay(6000, TestContext.Current.CancellationToken);
        var announced = await page.EvaluateAsync<string[]>("() => window.announced");

        Assert.All(announced.Zip(announced.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public async Task The_wall_screen_shows_a_tile_for_every_lane_and_the_site_totals()
    {
        var page = await browser.NewPageAsync(1920, 1080);
        await page.GotoAsync($"/wall/{DemoSite}");

        await Expect(page.GetByTestId("lane-tile")).ToHaveCountAsync(DemoSiteLanes);
        await Expect(page.GetByTestId("site-queue")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("canvas")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("wall-headline")).Not.ToBeEmptyAsync();
    }

    [Fact]
    public async Task The_command_centre_shows_every_site_worst_first_and_the_district_totals()
    {
        var page = await browser.NewPageAsync(1920, 1080);
        await page.GotoAsync("/command");

        var tiles = page.GetByTestId("site-tile");
        await Expect(tiles.Nth(DemoSites - 1)).ToBeVisibleAsync();

        // Other tests add sites of their own to this app: the page must agree with the API, whatever the count.
        var sites = (await browser.App.Anonymous().GetArrayAsync("/api/v1/sites")).Count;
        Assert.True(sites >= DemoSites);
        await Expect(tiles).ToHaveCountAsync(sites);
        await Expect(page.GetByTestId("total-sites")).ToHaveAttributeAsync("data-value", sites.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal($"/wall/{await tiles.First.GetAttributeAsync("data-site-id")}", await tiles.First.GetAttributeAsync("href"));
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        await Screenshots.SaveAsync(page, "command");
    }

    [Fact]
    public async Task The_lead_console_signs_in_with_a_lead_code_and_shows_every_lane()
    {
        var code = await browser.App.Admin().NewLeadCodeAsync(DemoSite);
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/lead/{DemoSite}");

        await page.GetByTestId("lead-code-input").FillAsync(code);
        await page.GetByTestId("signin").ClickAsync();

        await Expect(page.GetByTestId("lead-lane")).ToHaveCountAsync(DemoSiteLanes);
        Assert.DoesNotContain(code, page.Url, StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "lead");
    }

    [Fact]
    public async Task A_wrong_lead_code_is_refused_with_a_message()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/lead/{DemoSite}");

        await page.GetByTestId("lead-code-input").FillAsync($"{DemoSite}.not-the-code");
        await page.GetByTestId("signin").ClickAsync();

        await Expect(page.GetByTestId("signin-error")).Not.ToBeEmptyAsync();
        await Expect(page.GetByTestId("lead-lane")).ToHaveCountAsync(0);
    }
}
