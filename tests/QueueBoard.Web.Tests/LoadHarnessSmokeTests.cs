using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using QueueBoard.Load;
using QueueBoard.Testing;

namespace QueueBoard.Web.Tests;

/// <summary>
/// Keeps the load harness working: a tiny run of every phase against the real app on Kestrel and the bare baselines,
/// checking that each measured something and lost nothing. It measures no speed; docs/PERFORMANCE.md holds the numbers.
/// </summary>
public sealed class LoadHarnessSmokeTests : IAsyncLifetime
{
    private readonly ConfiguredAppFactory _app = new(("QueueBoard:RateLimits", "false"));
    private readonly int _baselinePort = FreePort.Next();
    private readonly int _baselineHttp2Port = FreePort.Next();
    private Microsoft.AspNetCore.Builder.WebApplication? _baseline;

    public async ValueTask InitializeAsync()
    {
        _baseline = BaselineServer.Build(_baselinePort, _baselineHttp2Port);
        await _baseline.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _baseline!.DisposeAsync();
        await _app.DisposeAsync();
    }

    private static LoadSettings Tiny { get; } = new()
    {
        Sites = 3, LanesPerSite = 2, Devices = 4, Watchers = 12, WallsPerSite = 2, BatchSize = 10,
        IngestSeconds = 1, WatchSeconds = 3, EventsPerSecond = 20, TimedBoardWatchers = 3, JsonPath = null,
    };

    [Fact]
    public async Task A_tiny_run_measures_every_phase_against_queueboard_and_its_baselines()
    {
        var queueBoard = new LoadTarget("QueueBoard", _app.BaseAddress, QueueBoardAppFactory.AdminToken, null, Bare: false);
        var baseline = new LoadTarget("bare", new Uri($"http://127.0.0.1:{_baselinePort}/"), BaselineServer.Token, null, Bare: true);

        var report = await LoadRun.RunAsync(queueBoard, baseline, Tiny, line => TestContext.Current.TestOutputHelper?.WriteLine(line));

        AssertMeasuredEveryPhase(report);
    }

    [Fact]
    public async Task Watchers_over_http2_reach_a_node_process_and_the_bare_hub_on_ports_that_speak_nothing_else()
    {
        // The --http2 run: a node started as the harness starts it, listening for HTTP/2 alone on a second port, where an
        // HTTP/1.1 WebSocket could not connect at all.
        await using var node = new NodeProcess("h2", "--environment", "Production", $"--QueueBoard:AdminToken={NodeProcess.AdminToken}", "--QueueBoard:Storage=Memory", "--QueueBoard:RateLimits=false")
        {
            ListensForHttp2 = true,
        };
        await node.StartAsync();
        var queueBoard = new LoadTarget("QueueBoard", node.BaseAddress, NodeProcess.AdminToken, node.ProcessId, Bare: false)
        {
            WatchAddresses = [node.Http2Address],
        };
        var baseline = new LoadTarget("bare", new Uri($"http://127.0.0.1:{_baselinePort}/"), BaselineServer.Token, null, Bare: true)
        {
            WatchAddresses = [new Uri($"http://127.0.0.1:{_baselineHttp2Port}/")],
        };

        var report = await LoadRun.RunAsync(queueBoard, baseline, Tiny with { Http2 = true, LightPhones = true, QuietSeconds = 2 }, line => TestContext.Current.TestOutputHelper?.WriteLine(line));

        AssertMeasuredEveryPhase(report);

        // The node's process was followed after its watchers left.
        Assert.True(report.Quiet is { StartBytes: > 0, EndBytes: > 0, LowestBytes: > 0 } quiet && quiet.LowestBytes <= quiet.EndBytes, report.Quiet?.ToString());
        Assert.Contains("With the crowd gone", report.ToMarkdown(), StringComparison.Ordinal);
        Assert.Contains("watchers on WebSockets over HTTP/2", report.ToMarkdown(), StringComparison.Ordinal);
        Assert.Contains("untimed phones count pushes unparsed", report.ToMarkdown(), StringComparison.Ordinal);
        await using var overHttp1 = new HubConnectionBuilder()
            .WithUrl(new Uri(node.Http2Address, "/hubs/queue"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .Build();
        await Assert.ThrowsAnyAsync<Exception>(() => overHttp1.StartAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_quiet_phone_counts_each_board_push_after_its_watch_and_a_refused_watch_fails()
    {
        var siteId = Api.NewSiteId();
        using var admin = _app.Admin();
        await admin.CreateSiteAsync(siteId);
        using var reader = _app.Anonymous();
        var (version, _, _) = await BoardRead.ReadAsync(reader, _app.BaseAddress);
        var hub = new Uri(_app.BaseAddress, "/hubs/queue");
        await using var phone = await QuietWatcher.ConnectAsync(hub, null, "WatchBoardPacked", version);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await QuietWatcher.ConnectAsync(hub, null, "NoSuchWatch", version));

        for (var i = 1; i <= 3; i++)
        {
            var before = phone.Pushes;
            using var response = await admin.PostEventsAsync(siteId, [Api.Status("1", "open"), Api.Arrived("1", i)]);
            response.EnsureSuccessStatusCode();
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (phone.Pushes == before && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }

            Assert.True(phone.Pushes > before, $"no board push counted after post {i}");
        }
    }

    private static void AssertMeasuredEveryPhase(LoadReport report)
    {
        Assert.Equal(4, report.Ingest.Count);
        Assert.All(report.Ingest, r => Assert.True(r.EventsPerSecond > 0 && r.Failed == 0, $"{r.Target} batch {r.BatchSize}: {r}"));
        var watch = report.Watch!;
        Assert.Equal((12, 6), (watch.Watchers, watch.Walls));
        Assert.True(watch.EventsPerSecond > 0, watch.ToString());
        Assert.True(watch.WallLatencyMs.Count > 0 && watch.BoardLatencyMs.Count > 0, watch.ToString());
        Assert.Equal(0, watch.Unreflected);
        Assert.True(watch.WallP99BySliceMs.Count > 0 && watch.BoardP99BySliceMs.Count > 0, watch.ToString());
        Assert.Contains("p99 by 10 s of the drive", report.ToMarkdown(), StringComparison.Ordinal);
        // A packed board push of a row or two is a few dozen bytes: its version, its newest time and the rows.
        Assert.True(watch.MeanWallPushBytes > 100 && watch.MeanBoardPushBytes > 40, watch.ToString());
        // Each timed phone's pushes are dated from their newest row: the node's flush and delivery, apart from the window.
        Assert.True(watch.BoardPushAgeMs is { Count: > 0, P50: >= 0 } && watch.BoardPushGapMs is { Count: > 0 }, watch.ToString());
        Assert.Contains("old on arrival", report.ToMarkdown(), StringComparison.Ordinal);
        Assert.True(report.BareWatch!.PushesPerSecond > 0 && report.BareWatch.WallLatencyMs.Count > 0, report.BareWatch.ToString());
        Assert.Contains("| QueueBoard | 10 |", report.ToMarkdown(), StringComparison.Ordinal);
        Assert.Contains("\"ingest\"", report.ToJson(), StringComparison.Ordinal);
    }
}
