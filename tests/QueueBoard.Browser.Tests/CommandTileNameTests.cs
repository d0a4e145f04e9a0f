using QueueBoard.Testing;
using static Microsoft.Playwright.Assertions;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Browser.Tests;

/// <summary>
/// A command centre tile is a tenth of a wall's width, and an operator must read which site it is without opening it:
/// names far longer than three lines there (a hospital's building and its community) are shown whole, in smaller
/// letters, on a wall and on a 720-line screen, in both languages.
/// </summary>
[Collection(BrowserApartCollection.Name)]
public sealed class CommandTileNameTests(QuietBrowserFixture browser)
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
        var siteIds = Names.Select(_ => NewSiteId()).ToList();
        using (var admin = browser.App.Admin())
        {
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
        }

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

    private static double Letters(string name) => name.EnumerateRunes().Sum(r => r.Value >= 0x2e80 ? 1.5 : 1);
}
