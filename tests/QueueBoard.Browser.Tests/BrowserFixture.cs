using Microsoft.Playwright;
using QueueBoard.Testing;

namespace QueueBoard.Browser.Tests;

/// <summary>
/// The real app with the Pengjiang demo district (and the Orleans dashboard) on Kestrel, and Debian's Chromium driven by Playwright.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public QueueBoardAppFactory App { get; } = new() { Demo = true, Dashboard = true };

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!Chromium.IsInstalled)
        {
            if (Chromium.InCi)
            {
                throw new InvalidOperationException($"CI=true and Chromium is missing at {Chromium.Path}: .ci/run must install it.");
            }

            return;
        }

        _ = App.BaseAddress;

        // Two collections of browser tests share two cores with their apps: a push may take seconds under that load,
        // and an assertion that waits 10 s still fails when what it waits for never comes.
        Assertions.SetDefaultExpectTimeout(10_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchAsync(_playwright);
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Chromium.Path,
        Headless = true,
        Args = Chromium.Arguments,
    });

    /// <summary>A fresh browser context (its own storage), as a new phone or screen would be.</summary>
    public async Task<IPage> NewPageAsync(int width = 412, int height = 900, Uri? baseAddress = null)
    {
        Chromium.Require();
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = (baseAddress ?? App.BaseAddress).ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new() { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }

        await App.DisposeAsync();
    }
}
