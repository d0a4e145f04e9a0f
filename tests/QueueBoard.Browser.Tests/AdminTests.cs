using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using QueueBoard.Testing;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;
using static Microsoft.Playwright.Assertions;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Browser.Tests;

/// <summary>The command centre's administration page: a site made through its form, a lead code with its printed card, and revoking it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminTests(BrowserFixture browser)
{
    // Draws the card's QR code onto a white canvas, big enough for the decoder, and returns its RGBA pixels (base64).
    private const string QrPixelsScript = """
        async img => {
          await img.decode();
          const size = 600;
          const canvas = document.createElement('canvas');
          canvas.width = size;
          canvas.height = size;
          const context = canvas.getContext('2d');
          context.fillStyle = '#ffffff';
          context.fillRect(0, 0, size, size);
          context.drawImage(img, 0, 0, size, size);
          const data = context.getImageData(0, 0, size, size).data;
          let binary = '';
          for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode.apply(null, data.subarray(i, i + 0x8000));
          return [String(size), String(size), btoa(binary)];
        }
        """;

    [Fact]
    public async Task A_wrong_admin_token_is_refused_with_a_message_next_to_the_field()
    {
        var page = await browser.NewPageAsync(1280, 900);
        await page.GotoAsync("/command/admin");

        await page.GetByTestId("admin-token-input").FillAsync("not-the-admin-token");
        await page.GetByTestId("admin-signin").ClickAsync();

        await Expect(page.GetByTestId("admin-signin-error")).Not.ToBeEmptyAsync();
        await Expect(page.GetByTestId("admin-token-input")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByTestId("admin-token-input")).ToHaveAttributeAsync("aria-describedby", DescribedBy("admin-token-error"));
        await Expect(page.GetByTestId("new-site")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_site_made_through_the_form_gets_a_lead_code_whose_card_opens_its_console_until_the_codes_are_revoked()
    {
        var siteId = NewSiteId();
        var admin = await browser.NewPageAsync(1280, 900);
        await SignInAsync(admin);

        // A new site with two lanes, sent first without its name.
        await admin.GetByTestId("new-site").ClickAsync();
        await Expect(admin.GetByTestId("site-id")).ToBeFocusedAsync();
        await admin.Keyboard.TypeAsync(siteId);
        await admin.GetByTestId("site-name-en").FillAsync("Admin Test Site");
        await admin.GetByTestId("site-area").FillAsync("环市街道");
        await admin.GetByTestId("site-latitude").FillAsync("22.5895");
        await admin.GetByTestId("site-longitude").FillAsync("113.0822");
        var firstLane = admin.GetByTestId("lane-row").Nth(0);
        await firstLane.GetByTestId("lane-id").FillAsync("1");
        await firstLane.GetByTestId("lane-name").FillAsync("1号通道");
        await admin.GetByTestId("add-lane").ClickAsync();
        var secondLane = admin.GetByTestId("lane-row").Nth(1);
        await Expect(secondLane.GetByTestId("lane-id")).ToBeFocusedAsync();
        await admin.Keyboard.TypeAsync("g");
        await admin.Keyboard.PressAsync("Tab");
        await admin.Keyboard.TypeAsync("绿色通道");
        await secondLane.GetByTestId("lane-kind").SelectOptionAsync("green");
        await admin.GetByTestId("save-site").ClickAsync();

        var name = admin.GetByTestId("site-name");
        await Expect(admin.GetByTestId("site-name-error")).Not.ToBeEmptyAsync();
        await Expect(name).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(name).ToHaveAttributeAsync("aria-describedby", DescribedBy("f-name-error"));
        await Expect(name).ToBeFocusedAsync();

        await admin.Keyboard.TypeAsync("管理页测试采样点");
        await admin.Keyboard.PressAsync("Enter");
        var row = admin.Locator($"[data-testid=admin-site-row][data-site-id={siteId}]");
        await Expect(row).ToContainTextAsync("管理页测试采样点");
        await Expect(admin.GetByTestId("admin-status")).ToContainTextAsync(siteId);
        var created = await browser.App.Anonymous().GetJsonAsync($"/api/v1/sites/{siteId}");
        Assert.Equal(2, created["lanes"]!.AsArray().Count);
        Assert.Equal("green", created.Lane("g")["kind"]!.GetValue<string>());

        // A lead code, shown once with its card; the card's QR code holds the lead console's address.
        await row.GetByTestId("issue-code").ClickAsync();
        var shown = admin.GetByTestId("lead-code");
        await Expect(shown).Not.ToBeEmptyAsync();
        var code = (await shown.TextContentAsync())!.Trim();
        await Expect(admin.GetByTestId("card-code")).ToHaveTextAsync(code);
        var consoleAddress = new Uri(browser.App.BaseAddress, $"/lead/{siteId}").ToString();
        await Expect(admin.GetByTestId("card-url")).ToHaveTextAsync(consoleAddress);

        var pixels = await admin.GetByTestId("lead-qr").EvaluateAsync<string[]>(QrPixelsScript);
        var width = int.Parse(pixels[0], CultureInfo.InvariantCulture);
        var height = int.Parse(pixels[1], CultureInfo.InvariantCulture);
        var luminance = new RGBLuminanceSource(Convert.FromBase64String(pixels[2]), width, height, RGBLuminanceSource.BitmapFormat.RGBA32);
        var decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(luminance)));
        Assert.NotNull(decoded);
        Assert.Equal(consoleAddress, decoded.Text);
        await Screenshots.SaveAsync(admin, "admin");

        // The lead opens the card's address, signs in with the code and counts one arrival on an opened lane.
        var lead = await browser.NewPageAsync();
        await lead.GotoAsync(decoded.Text);
        await lead.GetByTestId("lead-code-input").FillAsync(code);
        await lead.GetByTestId("signin").ClickAsync();
        var lane = lead.Locator("[data-testid=lead-lane][data-lane-id='1']");
        await lane.GetByTestId("open").ClickAsync();
        await lane.GetByTestId("arrived-1").ClickAsync();
        await Expect(lead.GetByTestId("pending-count")).ToHaveTextAsync("0", Screens.HeldTapsSent);

        var board = await browser.NewPageAsync();
        await board.GotoAsync("/");
        await Expect(board.Locator($"[data-testid=site-row][data-site-id={siteId}] [data-testid=row-queue]"))
            .ToHaveAttributeAsync("data-value", "1");

        // Revoked, after a confirmation: the same code no longer signs anyone in.
        await row.GetByTestId("revoke-codes").ClickAsync();
        await admin.GetByTestId("revoke-confirm").ClickAsync();
        await Expect(admin.GetByTestId("admin-status")).ToContainTextAsync("已撤销");
        await Expect(admin.GetByTestId("code-panel")).ToBeHiddenAsync();

        var refused = await browser.NewPageAsync();
        await refused.GotoAsync($"/lead/{siteId}");
        await refused.GetByTestId("lead-code-input").FillAsync(code);
        await refused.GetByTestId("signin").ClickAsync();
        await Expect(refused.GetByTestId("signin-error")).Not.ToBeEmptyAsync();
        await Expect(refused.GetByTestId("lead-code-input")).ToBeVisibleAsync();
        await Expect(refused.GetByTestId("lead-lane")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Unsaved_edits_are_kept_unless_the_administrator_says_to_discard_them_even_through_an_expired_sign_in()
    {
        var siteId = NewSiteId();
        await browser.App.Admin().CreateSiteAsync(siteId);
        var admin = await browser.NewPageAsync(1280, 900);
        await SignInAsync(admin);
        var row = admin.Locator($"[data-testid=admin-site-row][data-site-id={siteId}]");
        var editor = admin.GetByTestId("site-editor");
        var name = admin.GetByTestId("site-name");
        var dialog = admin.GetByTestId("discard");

        // Opened and closed with no edit: nothing to ask.
        await row.GetByTestId("edit-site").ClickAsync();
        var original = await ValueWhenLoadedAsync(name);
        await admin.Keyboard.PressAsync("Escape");
        await Expect(editor).ToBeHiddenAsync();

        // Edited, then Esc: asked, the safe answer focused; "keep editing" keeps the edit.
        await row.GetByTestId("edit-site").ClickAsync();
        await ValueWhenLoadedAsync(name);
        await name.FillAsync("改过的名字");
        await name.PressAsync("Escape");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("放弃未保存的修改？");
        await Expect(admin.GetByTestId("discard-no")).ToBeFocusedAsync();
        await admin.GetByTestId("discard-no").ClickAsync();
        await Expect(editor).ToBeVisibleAsync();
        await Expect(name).ToHaveValueAsync("改过的名字");

        // Opening another editor asks the same; so does Cancel.
        await admin.GetByTestId("new-site").ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await admin.Keyboard.PressAsync("Escape");
        await Expect(name).ToHaveValueAsync("改过的名字");

        // Saved while the sign-in has expired: the edit waits for the next sign-in and is saved then.
        await admin.RouteAsync($"**/api/v1/sites/{siteId}", route => route.Request.Method == "PUT"
            ? route.FulfillAsync(new() { Status = 401 })
            : route.ContinueAsync());
        await admin.GetByTestId("save-site").ClickAsync();
        await Expect(admin.GetByTestId("admin-token-input")).ToBeVisibleAsync();
        await Expect(editor).ToBeHiddenAsync();
        await admin.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.Wait });
        await admin.GetByTestId("admin-token-input").FillAsync(QueueBoardAppFactory.AdminToken);
        await admin.GetByTestId("admin-signin").ClickAsync();
        await Expect(editor).ToBeVisibleAsync();
        await Expect(admin.GetByTestId("editor-summary")).ToContainTextAsync("未保存的修改仍在");
        await Expect(name).ToHaveValueAsync("改过的名字");
        await admin.GetByTestId("save-site").ClickAsync();
        await Expect(editor).ToBeHiddenAsync();
        await Expect(row).ToContainTextAsync("改过的名字");
        Assert.Equal("改过的名字", (await browser.App.Anonymous().GetJsonAsync($"/api/v1/sites/{siteId}"))["name"]!.GetValue<string>());

        // Esc and yes throw an edit away.
        await row.GetByTestId("edit-site").ClickAsync();
        await ValueWhenLoadedAsync(name);
        await name.FillAsync(original);
        await name.PressAsync("Escape");
        await admin.GetByTestId("discard-yes").ClickAsync();
        await Expect(editor).ToBeHiddenAsync();
        Assert.Equal("改过的名字", (await browser.App.Anonymous().GetJsonAsync($"/api/v1/sites/{siteId}"))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_site_holding_the_most_lead_codes_says_so_in_the_pages_language()
    {
        var siteId = NewSiteId();
        using var api = browser.App.Admin();
        await api.CreateSiteAsync(siteId);
        for (var i = 0; i < 100; i++)
        {
            await api.NewLeadCodeAsync(siteId);
        }

        var admin = await browser.NewPageAsync(1280, 900);
        await SignInAsync(admin);
        await admin.Locator($"[data-testid=admin-site-row][data-site-id={siteId}]").GetByTestId("issue-code").ClickAsync();

        var status = admin.GetByTestId("admin-status");
        await Expect(status).ToContainTextAsync("本点的验证码已达上限");
        await Expect(status).ToContainTextAsync("撤销验证码");
        await Expect(status).Not.ToContainTextAsync("lead codes");
    }

    private static async Task<string> ValueWhenLoadedAsync(ILocator input)
    {
        await Expect(input).ToBeVisibleAsync();
        await Expect(input).Not.ToHaveValueAsync("");
        return await input.InputValueAsync();
    }

    [Theory]
    [InlineData(360)]
    [InlineData(768)]
    [InlineData(1280)]
    public async Task From_a_phone_to_a_desk_the_site_list_keeps_its_words_whole_and_every_action_in_reach(int width)
    {
        var admin = await browser.NewPageAsync(width, 900);
        await SignInAsync(admin);

        // An administrator on a phone must reach each site's actions without scrolling sideways, read the title and each
        // fact unbroken (采样点管理 broken into 采样 / 点管 / 理 is three words), and at a desk see a site on one line.
        await Screens.AssertNothingWrongInEitherLanguageAsync(
            admin,
            Screens.DeskPageLayoutScript("""
            const thead = document.querySelector('[data-testid=admin-site-row]').closest('table').tHead;
            const headings = thead.getBoundingClientRect().height > 1;
            if (headings) {
              for (const th of thead.querySelectorAll('th')) {
                if (lines(th) > 1) wrong.push(`the heading "${th.textContent.trim()}" broken`);
              }
            }
            for (const row of document.querySelectorAll('[data-testid=admin-site-row]')) {
              const site = row.dataset.siteId;
              const cells = row.querySelectorAll('td:not(.mono, .row-actions-cell)');
              for (const cell of cells) {
                if (lines(cell) > 1) wrong.push(`${site}: "${cell.textContent.trim()}" broken`);
              }
              // Out of sight of the column headings, each fact names itself.
              for (const cell of headings ? [] : row.querySelectorAll('td:not(.row-actions-cell)')) {
                const label = getComputedStyle(cell, '::before').content;
                if (!cell.dataset.label || !label.startsWith(JSON.stringify(cell.dataset.label))) wrong.push(`${site}: "${cell.textContent.trim()}" without its label`);
              }
              const buttons = [...row.querySelectorAll('button')];
              for (const button of buttons) {
                const box = button.getBoundingClientRect();
                if (box.left < 0 || box.right > width) wrong.push(`${site}: "${button.textContent.trim()}" out of reach at ${Math.round(box.left)}-${Math.round(box.right)} px`);
                if (lines(button) > 1) wrong.push(`${site}: "${button.textContent.trim()}" broken`);
              }
              if (headings && new Set(buttons.map((button) => Math.round(button.getBoundingClientRect().top))).size > 1) {
                wrong.push(`${site}: its actions on more than one line`);
              }
            }
            """),
            $"{width} px");
    }

    private static async Task SignInAsync(IPage admin)
    {
        await admin.GotoAsync("/command/admin");
        await admin.GetByTestId("admin-token-input").FillAsync(QueueBoardAppFactory.AdminToken);
        await admin.GetByTestId("admin-signin").ClickAsync();

        // The list is the whole district's configuration: late in a run, hundreds of sites on a busy shared box.
        await Expect(admin.GetByTestId("admin-site-row").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
    }

    private static Regex DescribedBy(string id) => new($@"(^|\s){Regex.Escape(id)}(\s|$)", RegexOptions.None, TimeSpan.FromSeconds(1));
}
