#!/usr/bin/env dotnet
#:package Microsoft.Playwright
#:property PublishAot=false
#:property JsonSerializerIsReflectionEnabledByDefault=true
#:include FirstItemScript.cs
// Measures what a live screen costs its device's main thread while its district is busy: Debian's Chromium opens the
// page at its device's size (the resident board at a phone's, the command centre and a site's wall at 1920 x 1080), its CPU
// slowed by the given factor (4 is a mid-range phone, or a wall's small box, against this machine), and reads the
// renderer's own counters (script, style, layout, all tasks) and its long tasks over a window. Each turn measures the
// page as served, then a baseline, so both are measured in the same run: by default the same page with every row or
// tile kept in style and layout (before those off the screen were skipped), or, given an older wwwroot (from
// `git archive <commit> wwwroot | tar -x -C DIR`), the page with that commit's scripts and styles. The page's CSP is bypassed in
// both, for that style. Drive the district with the load harness and point this at its node:
//   dotnet run bench/screen-cost.cs -- http://127.0.0.1:PORT/ [seconds=25] [slowdown=4] [turns=2] [DIR/wwwroot]
//   dotnet run bench/screen-cost.cs -- http://127.0.0.1:PORT/command ...      (or /wall/SITE, a site's wall)
//   dotnet run bench/screen-cost.cs -- --load http://127.0.0.1:PORT/ [seconds=4] ...   (the page's first seconds)
using Microsoft.Playwright;

// With --load, each turn opens the page with its CPU slowed from the start and measures how long its first row or tile
// takes to come and the long tasks of its first seconds, instead of a window once it has settled.
var load = args.Contains("--load");
args = [.. args.Where(a => a != "--load")];
var url = args.Length > 0 ? args[0] : "http://127.0.0.1:5080/";
var seconds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 25;
var slowdown = args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 4;
var turns = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 2;
var olderTree = args.Length > 4 ? Path.GetFullPath(args[4]) : null;
const string AllRowsLaidOut = ".site-row, .tile-list > li { content-visibility: visible !important; }";
var path = new Uri(url).AbsolutePath;
var (width, height, item) =
    path.StartsWith("/command", StringComparison.Ordinal) ? (1920, 1080, "[data-testid=site-tile]")
    : path.StartsWith("/wall/", StringComparison.Ordinal) ? (1920, 1080, "[data-testid=lane-tile]")
    : (390, 844, "li[data-testid=site-row]");

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-quic"],
});

var pages = new[]
{
    (Name: "as served", Style: (string?)null, Older: (string?)null, Busy: new List<double>()),
    olderTree is null
        ? ("every row or tile laid out (baseline)", AllRowsLaidOut, null, [])
        : ($"scripts and styles of {olderTree} (baseline)", null, olderTree, []),
};
if (load)
{
    Console.WriteLine($"| page | first row or tile, ms from navigation | rows or tiles after {seconds} s | long tasks | longest ms |");
    Console.WriteLine("|---|---|---|---|---|");
    for (var turn = 0; turn < turns; turn++)
    {
        foreach (var (name, style, older, busy) in pages)
        {
            var (firstMs, rows, longTasks) = await LoadAsync(style, older);
            busy.Add(longTasks.DefaultIfEmpty().Max());
            Console.WriteLine($"| {name} | {firstMs:0} | {rows} | {string.Join(", ", longTasks.Select(t => $"{t:0}"))} | {longTasks.DefaultIfEmpty().Max():0} |");
        }
    }

    Console.WriteLine($"\nLongest task of the load, as served / baseline: {pages[0].Busy.Average() / pages[1].Busy.Average():0.00} (CPU slowed {slowdown}x, {turns} turns)");
    return;
}

Console.WriteLine("| page | rows or tiles | main thread busy | script | style | layout | long tasks | mean long task ms | longest ms |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
for (var turn = 0; turn < turns; turn++)
{
    foreach (var (name, style, older, busy) in pages)
    {
        var (rows, m, longTasks) = await MeasureAsync(style, older);
        busy.Add(m["TaskDuration"]);
        Console.WriteLine(
            $"| {name} | {rows} | {Share("TaskDuration")} | {Share("ScriptDuration")} | {Share("RecalcStyleDuration")} | {Share("LayoutDuration")} " +
            $"| {longTasks.Length} | {longTasks.DefaultIfEmpty().Average():0} | {longTasks.DefaultIfEmpty().Max():0} |");
        string Share(string key) => $"{m[key] / seconds * 100:0.0}%";
    }
}

Console.WriteLine($"\nMain thread busy, as served / baseline: {pages[0].Busy.Average() / pages[1].Busy.Average():0.00} (CPU slowed {slowdown}x, {seconds} s a measurement, {turns} turns)");

async Task<(int Rows, Dictionary<string, double> Used, double[] LongTasks)> MeasureAsync(string? style, string? older)
{
    var page = await OpenAsync(style, older);
    try
    {
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync(item, new() { Timeout = 60_000 });
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Performance.enable");
        await cdp.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = slowdown });

        // The page's first read and render are not what is measured.
        await Task.Delay(3000);
        var before = await MetricsAsync(cdp);
        await page.EvaluateAsync("() => { window.__longTasks.length = 0; }");
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var after = await MetricsAsync(cdp);
        var (rows, longTasks) = await ReadAsync(page);
        return (rows, after.ToDictionary(kv => kv.Key, kv => kv.Value - before.GetValueOrDefault(kv.Key)), longTasks);
    }
    finally
    {
        await page.CloseAsync();
    }
}

async Task<(double FirstMs, int Rows, double[] LongTasks)> LoadAsync(string? style, string? older)
{
    var page = await OpenAsync(style, older);
    try
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = slowdown });
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForSelectorAsync(item, new() { Timeout = 60_000 });
        var firstMs = await page.EvaluateAsync<double>("() => window.__firstItem");
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var (rows, longTasks) = await ReadAsync(page);
        return (firstMs, rows, longTasks);
    }
    finally
    {
        await page.CloseAsync();
    }
}

// A page at the screen's size, serving the older tree if one was given, that notes its long tasks from its start and
// takes the baseline's style as soon as it has a head.
async Task<IPage> OpenAsync(string? style, string? older)
{
    var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height }, Locale = "zh-CN", BypassCSP = true });
    await ServeOlderAsync(page, older);
    await page.AddInitScriptAsync("""
        window.__longTasks = [];
        new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
          .observe({ type: 'longtask', buffered: true });
        """ + FirstItemScript.NotedFor(item) + (style is null ? "" : $"document.addEventListener('DOMContentLoaded', () => {{ const s = document.createElement('style'); s.textContent = {System.Text.Json.JsonSerializer.Serialize(style)}; document.head.append(s); }});"));
    return page;
}

async Task<(int Rows, double[] LongTasks)> ReadAsync(IPage page) => (
    await page.EvaluateAsync<int>("selector => document.querySelectorAll(selector).length", item),
    await page.EvaluateAsync<double[]>("() => window.__longTasks"));

async Task ServeOlderAsync(IPage page, string? older)
{
    if (older is not null)
    {
        // A file the older tree lacks is taken from the node.
        await page.RouteAsync(IsScriptOrStyle, async route =>
        {
            var path = new Uri(route.Request.Url).AbsolutePath;
            var file = Path.Combine(older, path.TrimStart('/'));
            if (File.Exists(file))
            {
                await route.FulfillAsync(new() { Path = file, ContentType = path.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/javascript" });
            }
            else
            {
                await route.ContinueAsync();
            }
        });
    }
}

static async Task<Dictionary<string, double>> MetricsAsync(ICDPSession cdp)
{
    var answer = await cdp.SendAsync("Performance.getMetrics");
    return answer!.Value.GetProperty("metrics").EnumerateArray()
        .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
}

static bool IsScriptOrStyle(string url)
{
    var path = new Uri(url).AbsolutePath;
    return path.StartsWith("/js/", StringComparison.Ordinal) || path.StartsWith("/css/", StringComparison.Ordinal);
}
