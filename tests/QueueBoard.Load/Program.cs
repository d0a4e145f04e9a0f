using System.Diagnostics;
using System.Globalization;
using QueueBoard.Load;
using QueueBoard.Testing;

// serve-baseline PORT [HTTP2PORT]: the bare baselines, in a process of their own like the server they are compared with.
if (args is ["serve-baseline", var port, .. var http2Port])
{
    var h2 = http2Port is [var p] ? int.Parse(p, CultureInfo.InvariantCulture) : (int?)null;
    await BaselineServer.Build(int.Parse(port, CultureInfo.InvariantCulture), h2).RunAsync();
    return 0;
}

var settings = LoadSettings.Parse(args);
var clock = Stopwatch.StartNew();
void Progress(string line) => Console.Error.WriteLine($"[{clock.Elapsed:mm\\:ss}] {line}");

await using var redis = settings.Cluster ? await RedisServer.StartNewAsync() : null;
var cluster = $"load{Guid.NewGuid():N}"[..12];
// Rate limits are for phones on the internet; the harness is every phone of the district at once from one address.
// The node's WebSocket cap is set for the watchers asked for; above what the box's open files allow, the run fails.
string[] noLimits =
[
    "--QueueBoard:RateLimits=false",
    $"--QueueBoard:Limits:HubConnectionsPerAddress={Math.Max(2000, settings.Watchers)}",
    $"--QueueBoard:Limits:MaxWebSockets={settings.Watchers + 500}",
];
var nodes = settings.Cluster
    ? new[] { NodeProcess.InCluster("a", redis!.Address, cluster, noLimits), NodeProcess.InCluster("b", redis!.Address, cluster, noLimits) }
    : [new NodeProcess("node", ["--environment", "Production", $"--QueueBoard:AdminToken={NodeProcess.AdminToken}", "--QueueBoard:Storage=Memory", .. noLimits])];
foreach (var node in nodes)
{
    node.ListensForHttp2 = settings.Http2;
    await node.StartAsync();
}

Progress($"QueueBoard: {nodes.Length} node(s) from {RepositoryPaths.WebDll} ({RepositoryPaths.Configuration})");
var baselinePort = FreePort.Next();
var baselineHttp2Port = FreePort.Next();
using var baselineProcess = settings.Baselines ? StartBaseline(baselinePort, settings.Http2 ? baselineHttp2Port : null) : null;
var queueBoard = new LoadTarget("QueueBoard", [.. nodes.Select(n => n.BaseAddress)], NodeProcess.AdminToken, [.. nodes.Select(n => n.ProcessId).OfType<int>()], Bare: false)
{
    StoreProcessIds = redis?.ProcessId is { } redisPid ? [redisPid] : [],
    WatchAddresses = settings.Http2 ? [.. nodes.Select(n => n.Http2Address)] : null,
};
var baseline = baselineProcess is null ? null : new LoadTarget("bare", new Uri($"http://127.0.0.1:{baselinePort}/"), BaselineServer.Token, baselineProcess.Id, Bare: true)
{
    WatchAddresses = settings.Http2 ? [new Uri($"http://127.0.0.1:{baselineHttp2Port}/")] : null,
};
if (baseline is not null)
{
    await WaitReadyAsync(baseline.BaseAddress);
}

// An exception on a thread of its own (a client library's fault) ends this process without the finally below, which
// would leave the nodes running, holding their ports and the box's cores, for the next run to measure beside.
int[] children = [.. queueBoard.ProcessIds, .. queueBoard.StoreProcessIds, .. baselineProcess is null ? [] : new[] { baselineProcess.Id }];
AppDomain.CurrentDomain.UnhandledException += (_, _) => KillAll(children);

try
{
    var report = await LoadRun.RunAsync(queueBoard, baseline, settings, Progress);
    foreach (var node in nodes)
    {
        // What the node said of the memory it gave back once the crowd had gone (QuietMemoryReturn).
        foreach (var line in node.ConsoleLines(NodeProcess.KeptLines).Where(l => l.Contains("gave back", StringComparison.Ordinal)))
        {
            Progress($"{node.Name}: {NodeMessage(line)}");
        }
    }

    Console.WriteLine(report.ToMarkdown());
    if (settings.JsonPath is { } path)
    {
        await File.WriteAllTextAsync(path, report.ToJson());
        Progress($"wrote {Path.GetFullPath(path)}");
    }
}
finally
{
    baselineProcess?.Kill(entireProcessTree: true);
    foreach (var node in nodes)
    {
        await node.DisposeAsync();
    }
}

return 0;

static void KillAll(IEnumerable<int> processIds)
{
    foreach (var id in processIds)
    {
        try
        {
            using var process = Process.GetProcessById(id);
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }
}

static Process StartBaseline(int port, int? http2Port)
{
    var self = Environment.ProcessPath!;
    string[] ports = http2Port is { } h2
        ? [port.ToString(CultureInfo.InvariantCulture), h2.ToString(CultureInfo.InvariantCulture)]
        : [port.ToString(CultureInfo.InvariantCulture)];
    var start = self.EndsWith("dotnet", StringComparison.Ordinal)
        ? new ProcessStartInfo(self, [typeof(LoadRun).Assembly.Location, "serve-baseline", .. ports])
        : new ProcessStartInfo(self, ["serve-baseline", .. ports]);
    start.Environment["DOTNET_gcServer"] = "1";
    return Process.Start(start)!;
}

// A node outside Development logs a JSON object a line; its message is what a reader wants.
static string NodeMessage(string line)
{
    try
    {
        using var entry = System.Text.Json.JsonDocument.Parse(line);
        return entry.RootElement.GetProperty("Message").GetString() ?? line;
    }
    catch (Exception ex) when (ex is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
    {
        return line;
    }
}

static async Task WaitReadyAsync(Uri address)
{
    using var http = new HttpClient { BaseAddress = address };
    for (var attempt = 0; attempt < 100; attempt++)
    {
        try
        {
            if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
        }

        await Task.Delay(100);
    }

    throw new InvalidOperationException($"The baseline at {address} did not start.");
}
