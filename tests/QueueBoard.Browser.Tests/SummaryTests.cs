using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using QueueBoard.Testing;
using static Microsoft.Playwright.Assertions;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Browser.Tests;

/// <summary>The command centre's printable daily summary: a site's day in its own row, within the district's figures, printed without the page's controls.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SummaryTests(BrowserFixture browser)
{
    // The district's days (QueueBoard:TimeZone, its default), which report.json and the summary's day picker follow.
    private static readonly TimeZoneInfo District = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task The_daily_summary_shows_a_sites_day_in_its_row_within_the_district_figures_and_prints_without_its_controls()
    {
        var (page, siteId, day) = await OpenTodayWithANewSiteAsync(1280, 720);

        var status = page.GetByTestId("summary-status");
        await Expect(status).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(page.GetByTestId("summary-date")).ToHaveValueAsync(day);

        // The site's own row, exactly: other tests share this app, but not this site.
        var row = page.Locator($"[data-testid=summary-site-row][data-site-id={siteId}]");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(row).ToContainTextAsync("群星公园采样点");
        await Expect(row.GetByTestId("summary-site-arrived")).ToHaveAttributeAsync("data-value", "7");
        await Expect(row.GetByTestId("summary-site-arrived")).ToHaveTextAsync("7");
        await Expect(row.GetByTestId("summary-site-served")).ToHaveAttributeAsync("data-value", "4");
        await Expect(row.GetByTestId("summary-site-served")).ToHaveTextAsync("4");
        await Expect(row.Locator("[data-testid=summary-lane-open][data-lane-id='1']")).ToHaveAttributeAsync("data-minutes", Digits());
        await Expect(row.Locator("[data-testid=summary-lane-open][data-lane-id='2']")).ToHaveAttributeAsync("data-minutes", "0");
        await Expect(status).Not.ToHaveClassAsync(IsError());

        // The district's figures hold every site's day, this one's among them.
        var served = page.GetByTestId("summary-served");
        var arrived = page.GetByTestId("summary-arrived");
        await Expect(served).ToHaveAttributeAsync("data-value", Digits());
        await Expect(arrived).ToHaveAttributeAsync("data-value", Digits());
        var districtServed = int.Parse((await served.GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture);
        var districtArrived = int.Parse((await arrived.GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture);
        Assert.True(districtServed >= 4, $"the district served {districtServed}, fewer than the site's 4");
        Assert.True(districtArrived >= 7, $"the district's arrivals were {districtArrived}, fewer than the site's 7");

        var flow = page.GetByTestId("summary-chart-flow");
        await Expect(flow.GetByTestId("chart-bar").First).ToBeVisibleAsync();
        var print = page.GetByTestId("summary-print");
        await Expect(print).ToBeVisibleAsync();
        await Expect(print).ToBeEnabledAsync();
        await Expect(page.GetByTestId("summary-date")).ToBeVisibleAsync();

        // On paper: the figures, charts and rows without the controls.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(print).ToBeHiddenAsync();
        await Expect(page.GetByTestId("summary-date")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("admin-signout")).ToBeHiddenAsync();
        await Expect(row).ToBeVisibleAsync();
        await Expect(flow).ToBeVisibleAsync();
        await Expect(served).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "summary");
    }

    [Theory]
    [InlineData(320)]
    [InlineData(360)]
    [InlineData(768)]
    [InlineData(1024)]
    [InlineData(1280)]
    public async Task From_a_phone_to_a_desk_every_figure_of_a_sites_day_is_in_view_without_scrolling_sideways(int width)
    {
        // A lane named as a site writes it on its tent: its hours once held the whole table wider than a 1024 px desk.
        var (page, siteId, _) = await OpenTodayWithANewSiteAsync(width, 900, SiteWithLanes("群星公园采样点", "Qunxing Park", ("1", "1号通道", "standard"), ("2", "North Gate Temporary Tent Lane, Block Seven, for the Residents of Buildings 12 to 18", "standard")));
        await Expect(page.Locator($"[data-testid=summary-site-row][data-site-id={siteId}]")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        // A chief reading the day on a phone sees each site's figures where they are, not cut off at the table's edge
        // behind a sideways scroll, and the page itself never slides sideways under a thumb.
        await Screens.AssertNothingWrongInEitherLanguageAsync(
            page,
            Screens.DeskPageLayoutScript("""
            const view = document.querySelector('[data-testid=summary-sites]').parentElement.getBoundingClientRect();
            const headings = document.querySelector('[data-testid=summary-sites]').tHead.getBoundingClientRect().height > 1;
            for (const row of [...document.querySelectorAll('[data-testid=summary-site-row]')].slice(0, 40)) {
              for (const cell of row.querySelectorAll('td')) {
                const box = cell.getBoundingClientRect();
                if (box.left < view.left - 1 || box.right > view.right + 1) {
                  wrong.push(`${row.dataset.siteId}: "${cell.textContent.trim()}" out of view at ${Math.round(box.left)}-${Math.round(box.right)} px`);
                }
                if (cell.classList.contains('num') && lines(cell) > 1) wrong.push(`${row.dataset.siteId}: "${cell.textContent.trim()}" broken`);
                // Out of sight of the column headings, each figure names itself.
                const label = getComputedStyle(cell, '::before').content;
                if (!headings && (!cell.dataset.label || !label.startsWith(JSON.stringify(cell.dataset.label)))) {
                  wrong.push(`${row.dataset.siteId}: "${cell.textContent.trim()}" without its heading`);
                }
              }
            }
            """),
            $"{width} px");
    }

    /// <summary>
    /// Makes a site (<paramref name="site"/>, or two standard lanes) with a day of 7 arrived and 4 tested on lane 1, then
    /// opens today's summary once the server counts it (the page reads the day once, with no live updates), signed in as
    /// on the administration page.
    /// </summary>
    private async Task<(IPage Page, string SiteId, string Day)> OpenTodayWithANewSiteAsync(int width, int height, object? site = null)
    {
        var siteId = NewSiteId();
        using var admin = browser.App.Admin();
        await admin.CreateSiteAsync(siteId, site);
        using (var response = await admin.PostEventsAsync(siteId, Status("1", "open"), Arrived("1", 7), Served("1", 4)))
        {
            response.EnsureSuccessStatusCode();
        }

        var day = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, District).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await WaitForSiteInReportAsync(admin, siteId, day, TestContext.Current.CancellationToken);
        var page = await browser.NewPageAsync(width, height);
        await page.GotoAsync($"/command/summary?date={day}");
        await page.GetByTestId("admin-token-input").FillAsync(QueueBoardAppFactory.AdminToken);
        await page.GetByTestId("admin-signin").ClickAsync();
        return (page, siteId, day);
    }

    private static async Task WaitForSiteInReportAsync(HttpClient admin, string siteId, string day, CancellationToken cancellation)
    {
        var waiting = Stopwatch.StartNew();
        while (true)
        {
            var report = await admin.GetJsonAsync($"/api/v1/report.json?date={day}");
            var site = report["sites"]!.AsArray().FirstOrDefault(s => s!["id"]!.GetValue<string>() == siteId);
            if (site is not null && site.Number("served") == 4)
            {
                return;
            }

            Assert.True(waiting.Elapsed < TimeSpan.FromSeconds(15), $"report.json for {day} did not give {siteId} 4 served within 15 s");
            await Task.Delay(500, cancellation);
        }
    }

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\bis-error\b")]
    private static partial Regex IsError();
}
