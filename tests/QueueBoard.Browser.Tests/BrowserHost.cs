using Microsoft.Playwright;
using QueueBoard.Testing;

namespace QueueBoard.Browser.Tests;

/// <summary>
/// The real app (with or without the Pengjiang demo district, with the Orleans dashboard) on Kestrel, and Debian's
/// Chromium driven by Playwright: what a browser-test collection shares.
/// </summary>
public abstract class BrowserHost(bool demo) : IAsyncLifetime
{
    private readonly List<(string Test, IBrowserContext Context)> _contexts = [];
    private IPlaywright? _playwright;

    public QueueBoardAppFactory App { get; } = new() { Demo = demo, Dashboard = true };

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

    /// <summary>
    /// A fresh browser context (its own storage), as a new phone or screen would be. Tests of one collection run one
    /// after another, so the contexts an earlier test opened are closed here: left open, every page of the run would
    /// keep taking the demo's pushes and redrawing, and the box would slow down test by test.
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 412, int height = 900, Uri? baseAddress = null, bool touch = false)
    {
        Chromium.Require();
        var test = TestContext.Current.Test?.UniqueID ?? string.Empty;
        foreach (var (owner, open) in _contexts.Where(c => c.Test != test).ToList())
        {
            _contexts.Remove((owner, open));
            await open.CloseAsync();
        }

        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = (baseAddress ?? App.BaseAddress).ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new() { Width = width, Height = height },

            // A phone's touch screen: the pages' (pointer: coarse) rules apply.
            HasTouch = touch,
        });
        _contexts.Add((test, context));
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }

        await App.DisposeAsync();
    }
}
