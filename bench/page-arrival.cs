#!/usr/bin/env dotnet
#:package Microsoft.Playwright
#:property PublishAot=false
#:include FirstItemScript.cs
// Measures how soon a page's first row or tile comes on a phone's network: Debian's Chromium opens the page at a
// phone's size (the resident board, the lead console) or a wall's 1920 x 1080 (the command centre, a site's wall), with
// its network slowed to the given round trip (4 Mbit/s down, 3 up) and its CPU 4x slower, and reads when the first row
// or tile is in the page, DOMContentLoaded and the first paint, from a fresh browser context each time (nothing cached).
// The baseline is the page's HTML from an older commit, measured in the same run: each turn copies the current HTML,
// then the older one, into the node's web root, so both travel the same emulated network (a response made up by the
// browser's own routing would skip it). Drive the district with the load harness and point this at its node:
//   git show <commit>:wwwroot/index.html > /tmp/old/index.html
//   dotnet run bench/page-arrival.cs -- http://127.0.0.1:PORT/ src/QueueBoard.Web/bin/Release/net10.0/wwwroot \
//     /tmp/old/index.html [turns=10] [rtt ms=150]
// The node's web root holds the current HTML again when it ends.
using System.Globalization;
using Microsoft.Playwright;

var url = new Uri(args[0]);
var webRoot = Path.GetFullPath(args[1]);
var olderHtml = Path.GetFullPath(args[2]);
var turns = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10;
var rtt = args.Length > 4 ? double.Parse(args[4], CultureInfo.InvariantCulture) : 150;
var (file, item, wide) = url.AbsolutePath switch
{
    "/" => ("index.html", "li[data-testid=site-row]", false),
    var p when p.StartsWith("/command", StringComparison.Ordinal) => ("command.html", "[data-testid=site-tile]", true),
    var p when p.StartsWith("/wall/", StringComparison.Ordinal) => ("wall.html", "[data-testid=lane-tile]", true),
    var p when p.StartsWith("/lead/", StringComparison.Ordinal) => ("lead.html", "#signin-form, [data-testid=lead-lane]", false),
    _ => throw new ArgumentException($"No page known at {url.AbsolutePath}"),
};
var served = Path.Combine(webRoot, file);
var current = await File.ReadAllBytesAsync(served);
var older = await File.ReadAllBytesAsync(olderHtml);

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-quic"],
});

var pages = new[] { (Name: "as served", Html: current, Marks: new List<double[]>()), ($"{olderHtml} (baseline)", older, []) };
try
{
    for (var turn = 0; turn < turns; turn++)
    {
        foreach (var (_, html, marks) in pages)
        {
            await File.WriteAllBytesAsync(served, html);
            marks.Add(await MeasureAsync());
        }
    }
}
finally
{
    await File.WriteAllBytesAsync(served, current);
}

Console.WriteLine($"| page ({turns} turns, {rtt:0} ms round trips, CPU 4x) | first row or tile, median (range) ms | DOMContentLoaded | first paint |");
Console.WriteLine("|---|---|---|---|");
foreach (var (name, _, marks) in pages)
{
    Console.WriteLine($"| {name} | {Median(0)} | {Median(1)} | {Median(2)} |");
    string Median(int i)
    {
        var sorted = marks.Select(m => m[i]).Order().ToArray();
        var middle = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        return $"{middle:0} ({sorted[0]:0}-{sorted[^1]:0})";
    }
}

async Task<double[]> MeasureAsync()
{
    await using var context = await browser.NewContextAsync(new()
    {
        ViewportSize = wide ? new() { Width = 1920, Height = 1080 } : new() { Width = 390, Height = 844 },
        Locale = "zh-CN",
        ServiceWorkers = ServiceWorkerPolicy.Block,
    });
    var page = await context.NewPageAsync();
    var cdp = await context.NewCDPSessionAsync(page);
    await cdp.SendAsync("Network.enable");
    await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
    {
        ["offline"] = false, ["latency"] = rtt, ["downloadThroughput"] = 4_000_000 / 8, ["uploadThroughput"] = 3_000_000 / 8,
    });
    await cdp.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = 4 });
    await page.AddInitScriptAsync(FirstItemScript.NotedFor(item));
    await page.GotoAsync(url.ToString(), new() { WaitUntil = WaitUntilState.Commit });
    await page.WaitForSelectorAsync(item, new() { Timeout = 60_000 });
    return await page.EvaluateAsync<double[]>(
        """
        () => [window.__firstItem, performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
          performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1]
        """);
}
