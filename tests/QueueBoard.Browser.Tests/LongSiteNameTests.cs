using QueueBoard.Testing;
using static Microsoft.Playwright.Assertions;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Browser.Tests;

/// <summary>
/// Site names as long as a hospital's building and its community are read whole where a name says which site a screen
/// is about: on the command centre's tiles, a tenth of a wall's width, and at the head of the site's own wall, on a
/// 1080- and a 720-line screen, in both languages.
/// </summary>
[Collection(BrowserApartCollection.Name)]
public sealed class LongSiteNameTests(QuietBrowserFixture browser)
{
    // In letters, a Chinese character counting one and a half, as the page counts them.
    private const int LongestWhole = 90;

    private static readonly (string Name, string NameEn)[] Names =
    [
        // The demo's longest English name, cut to "Taichang Electronics Factory (Xingfu…" when three lines were all.
        ("泰昌电子厂采样点", "Taichang Electronics Factory (Xingfu Community)"),
        ("江门市蓬江区第二人民医院门诊楼白沙街道社区卫生服务中心临时采样点", "Pengjiang District Second People's Hospital Outpatient Building (Baisha Community)"),
        ("江门市蓬江区白沙街道社区卫生服务中心门诊楼东侧停车场临时核酸采样点", "Pengjiang District Baisha Community Health Centre East Car Park Temporary Sampling Point"),
        ("江门市蓬江区白沙街道社区卫生服务中心门诊楼东侧停车场临时核酸采样点（第二采样区）", "Baisha Health Centre, Second Area"),
    ];

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(1280, 720)]
    public async Task Site_names_of_up_to_90_letters_are_read_whole_on_the_command_centres_tiles(int width, int height)
    {
        Chromium.Require();
        var siteIds = await CreateSitesAsync();
        var page = await browser.NewPageAsync(width, height);
        await page.GotoAsync("/command");
        foreach (var (id, (name, _)) in siteIds.Zip(Names))
        {
            await Expect(page.Locator($"[data-testid=site-tile][data-site-id='{id}'] .tile-name")).ToHaveTextAsync(name);
        }

        await Screens.AssertNothingWrongInEitherLanguageAsync(
            page,
            $$"""
            () => {{System.Text.Json.JsonSerializer.Serialize(siteIds)}}
              .map((id) => document.querySelector(`[data-testid=site-tile][data-site-id='${id}'] .tile-name`))
              .filter((name) => name.scrollHeight > name.clientHeight + 2 || name.scrollWidth > name.clientWidth)
              .map((name) => `"${name.textContent}" cut in ${name.clientWidth}x${name.clientHeight} px`)
            """,
            $"{width}x{height}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(1280, 720)]
    public async Task Site_names_of_up_to_90_letters_are_read_whole_at_the_head_of_the_sites_wall(int width, int height)
    {
        Chromium.Require();
        foreach (var (id, (name, _)) in (await CreateSitesAsync()).Zip(Names))
        {
            // The wall is read from 5 m: the name may step down in size and take a second line, but not end in "…", and
            // the lanes below it keep their room.
            var page = await browser.NewPageAsync(width, height);
            await page.GotoAsync($"/wall/{id}");
            await Expect(page.Locator("#site-name")).ToHaveTextAsync(name);
            await Expect(page.GetByTestId("lane-tile")).ToHaveCountAsync(1);
            await Screens.AssertNothingWrongInEitherLanguageAsync(
                page,
                """
                () => {
                  const wrong = [];
                  const name = document.getElementById('site-name');
                  const size = parseFloat(getComputedStyle(name).fontSize);
                  // A Chinese glyph reaches a little past its line's box; a line cut off would be a whole line more.
                  if (name.scrollWidth > name.clientWidth + 1 || name.scrollHeight > name.clientHeight + size / 2) wrong.push(`"${name.textContent}" cut in ${name.clientWidth}x${name.clientHeight} px`);
                  if (size < innerHeight / 30) wrong.push(`"${name.textContent}" in ${size} px letters, too small to read across a room`);
                  const lane = document.querySelector('[data-testid=lane-tile]').getBoundingClientRect();
                  if (lane.height < innerHeight / 4) wrong.push(`the lane's tile is ${Math.round(lane.height)} px high under the name`);
                  return wrong;
                }
                """,
                $"{width}x{height}");
            await page.Context.CloseAsync();
        }
    }

    private async Task<List<string>> CreateSitesAsync()
    {
        var siteIds = Names.Select(_ => NewSiteId()).ToList();
        using var admin = browser.App.Admin();
        foreach (var (id, (name, nameEn)) in siteIds.Zip(Names))
        {
            Assert.True(Letters(name) <= LongestWhole && Letters(nameEn) <= LongestWhole, $"{name} / {nameEn} is longer than the test claims");
            await admin.CreateSiteAsync(id, new
            {
                name,
                nameEn,
                area = "白沙街道",
                latitude = 22.59,
                longitude = 113.08,
                lanes = new[] { new { id = "1", name = "1号通道", kind = "standard" } },
            });
        }

        return siteIds;
    }

    private static double Letters(string name) => name.EnumerateRunes().Sum(r => r.Value >= 0x2e80 ? 1.5 : 1);
}
