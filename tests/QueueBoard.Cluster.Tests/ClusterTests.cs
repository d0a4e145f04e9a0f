using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using QueueBoard.Testing;
using StackExchange.Redis;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Cluster.Tests;

/// <summary>
/// QueueBoard as a real cluster: nodes are separate processes of the built dll on one Redis, driven over HTTP and SignalR
/// as devices would, then killed, stopped and restarted.
/// </summary>
public sealed class ClusterTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_nodes_form_one_cluster_and_a_watcher_on_one_receives_events_posted_to_the_other()
    {
        await using var cluster = await ClusterScenario.StartAsync(2);
        var (a, b) = (cluster.Nodes[0], cluster.Nodes[1]);
        var siteId = NewSiteId();

        // The site lives on B, the node that first served it; its pushes reach A's watchers only through the backplane.
        await b.Admin().CreateSiteAsync(siteId);
        Assert.Equal(siteId, (await a.Anonymous().GetJsonAsync($"/api/v1/sites/{siteId}"))["id"]!.GetValue<string>());

        await using var watcher = a.Hub();
        var (queues, seen) = RecordQueues(watcher);
        await watcher.StartAsync(Cancel);
        await watcher.InvokeAsync("WatchSite", siteId, Cancel);

        using var post = await b.Admin().PostEventsAsync(siteId, Arrived("1", 7, Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!HasQueue(queues, 7) && DateTime.UtcNow < deadline)
        {
            await seen.WaitAsync(TimeSpan.FromSeconds(1), Cancel);
        }

        Assert.True(HasQueue(queues, 7), $"node A's watcher saw queues [{string.Join(", ", queues)}], never 7\n{cluster.Logs()}");
    }

    [Fact]
    public async Task Two_districts_sharing_one_redis_and_cluster_id_never_see_each_others_pushes()
    {
        await using var redis = await RedisServer.StartNewAsync();
        var clusterId = $"qb-{Guid.NewGuid():N}"[..12];
        await using var east = NodeProcess.InCluster("east", redis.Address, clusterId, $"--QueueBoard:ServiceId={clusterId}-east");
        await using var west = NodeProcess.InCluster("west", redis.Address, clusterId, $"--QueueBoard:ServiceId={clusterId}-west");
        await east.StartAsync();
        await west.StartAsync();

        // One site id in both districts: each district's own site, kept apart by its service id.
        var siteId = NewSiteId();
        await east.Admin().CreateSiteAsync(siteId);
        await west.Admin().CreateSiteAsync(siteId);

        await using var watcher = west.Hub();
        var (queues, seen) = RecordQueues(watcher);
        await watcher.StartAsync(Cancel);
        await watcher.InvokeAsync("WatchSite", siteId, Cancel);

        using (var elsewhere = await east.Admin().PostEventsAsync(siteId, Arrived("1", 7, Guid.NewGuid().ToString())))
        using (var here = await west.Admin().PostEventsAsync(siteId, Arrived("1", 3, Guid.NewGuid().ToString())))
        {
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (elsewhere.StatusCode, here.StatusCode));
        }

        // The west watcher's own district's push must arrive; then a while longer for the east's, which must not.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!HasQueue(queues, 3) && DateTime.UtcNow < deadline)
        {
            await seen.WaitAsync(TimeSpan.FromSeconds(1), Cancel);
        }

        await Task.Delay(TimeSpan.FromSeconds(3), Cancel);
        lock (queues)
        {
            Assert.True(queues.Contains(3) && !queues.Contains(7) && !queues.Contains(10), $"the west watcher saw queues [{string.Join(", ", queues)}]");
        }
    }

    [Fact]
    public async Task Killing_the_node_that_hosts_a_site_mid_stream_loses_nothing_acknowledged_and_counts_retries_once()
    {
        await using var cluster = await ClusterScenario.StartAsync(2);
        var (a, b) = (cluster.Nodes[0], cluster.Nodes[1]);
        var siteId = NewSiteId();

        // A site lives on the node that first serves it: B.
        await b.Admin().CreateSiteAsync(siteId);
        var code = await b.Admin().NewLeadCodeAsync(siteId);
        var outbox = new LeadOutbox(siteId, [a, b], code) { PreferredNode = 1 };
        using var stop = new CancellationTokenSource();
        var stream = outbox.RunAsync(stop.Token, Cancel);

        await WaitUntil(() => outbox.Batches >= 20, TimeSpan.FromSeconds(30), "20 batches before the kill");
        await b.KillAsync();
        var readAgain = await FirstReadAsync(a, siteId, TimeSpan.FromSeconds(60));
        var batchesAtKill = outbox.Batches;
        await WaitUntil(() => outbox.Batches >= batchesAtKill + 20, TimeSpan.FromSeconds(60), "20 batches after the kill");
        await stop.CancelAsync();
        await stream;

        var site = await a.Anonymous().GetJsonAsync($"/api/v1/sites/{siteId}");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"kill -9 to first successful read on the survivor: {readAgain.TotalSeconds:0.0} s; {outbox.Batches} batches, " +
            $"{outbox.Failures} failed attempts retried, {outbox.Duplicates} events found already stored on retry; answers: " +
            string.Join(", ", outbox.Answers.GroupBy(s => (int)s).Select(g => $"{g.Key}×{g.Count()}")));
        Assert.Equal(outbox.Batches, site.Lane("2").Number("queueLength"));
        Assert.Equal(outbox.Batches, site.Lane("1").Number("servedToday"));
        Assert.Equal(0, site.Lane("1").Number("queueLength"));
        Assert.True(outbox.Failures > 0, "the kill interrupted nothing: the site was not on the killed node");
        Assert.False(outbox.Saw(HttpStatusCode.InternalServerError), cluster.Logs());
        Assert.True(readAgain < TimeSpan.FromSeconds(20), $"the survivor served the site {readAgain.TotalSeconds:0.0} s after the kill");
    }

    [Fact]
    public async Task Redis_stopping_mid_stream_gives_503s_not_500s_and_loses_nothing_acknowledged()
    {
        await using var cluster = await ClusterScenario.StartAsync(1);
        var node = cluster.Nodes[0];
        var siteId = NewSiteId();
        await node.Admin().CreateSiteAsync(siteId);
        var outbox = new LeadOutbox(siteId, [node], NodeProcess.AdminToken);
        using var stop = new CancellationTokenSource();
        var stream = outbox.RunAsync(stop.Token, Cancel);

        await WaitUntil(() => outbox.Batches >= 10, TimeSpan.FromSeconds(30), "10 batches before Redis stops");
        await cluster.Redis.StopAsync();
        await WaitUntil(() => outbox.Saw(HttpStatusCode.ServiceUnavailable), TimeSpan.FromSeconds(30), "a 503 while Redis is down");
        using (var ready = await node.Anonymous().GetAsync("/health/ready", Cancel))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }

        var batchesWhileDown = outbox.Batches;
        await Task.Delay(TimeSpan.FromSeconds(3), Cancel);
        await cluster.Redis.StartAsync();
        await WaitUntil(() => outbox.Batches >= batchesWhileDown + 10, TimeSpan.FromSeconds(60), "10 batches after Redis returns");
        await stop.CancelAsync();
        await stream;

        // What a lane's hot write costs in Redis after the stream: a bounded handful of ids, never the day's.
        await using var redis = await ConnectionMultiplexer.ConnectAsync(cluster.Redis.Address);
        var hotBytes = await redis.GetDatabase().HashStringLengthAsync($"{cluster.ClusterId}/state/lane/{siteId}/1/lane", "data");

        var site = await node.Anonymous().GetJsonAsync($"/api/v1/sites/{siteId}");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"lane hot state in Redis: {hotBytes} bytes; " +
            $"{outbox.Batches} batches acknowledged, {outbox.Failures} failed attempts retried; answers: " +
            string.Join(", ", outbox.Answers.GroupBy(s => (int)s).Select(g => $"{g.Key}×{g.Count()}")));
        Assert.Equal(outbox.Batches, site.Lane("2").Number("queueLength"));
        Assert.Equal(outbox.Batches, site.Lane("1").Number("servedToday"));
        Assert.DoesNotContain(outbox.Answers, status => (int)status >= 500 && status != HttpStatusCode.ServiceUnavailable);
        Assert.InRange(hotBytes, 1, 4096);
    }

    [Fact]
    public async Task A_full_restart_keeps_sites_lead_codes_counts_and_history_and_a_lone_survivor_of_a_kill_serves_quickly()
    {
        await using var cluster = await ClusterScenario.StartAsync(2);
        var (a, b) = (cluster.Nodes[0], cluster.Nodes[1]);
        var siteId = NewSiteId();
        await a.Admin().CreateSiteAsync(siteId);
        var code = await a.Admin().NewLeadCodeAsync(siteId);
        var day = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using (var lead = b.WithToken(code))
        {
            Assert.Equal(HttpStatusCode.OK, (await lead.PostEventsAsync(siteId, Status("1", "open"), Arrived("1", 9, Guid.NewGuid().ToString()), Served("1", 4))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await lead.PostEventsAsync(siteId, Arrived("2", 3, Guid.NewGuid().ToString()))).StatusCode);
        }

        await a.StopAsync();
        await b.StopAsync();

        // The week's hour records are in Redis itself, not only in the nodes that wrote them.
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(cluster.Redis.Address))
        {
            var keys = redis.GetServer(cluster.Redis.Address).Keys(pattern: $"*{siteId}*").Select(k => k.ToString()).ToList();
            Assert.Contains(keys, key => key.Contains("site-hours", StringComparison.Ordinal));
        }

        await a.StartAsync();
        await b.StartAsync();

        var history = await b.Anonymous().GetArrayAsync($"/api/v1/sites/{siteId}/history?minutes=10");
        Assert.Equal(12, history.Sum(p => p!.Number("arrived")));
        Assert.Equal(4, history.Sum(p => p!.Number("served")));
        var wholeDay = await a.Anonymous().GetArrayAsync($"/api/v1/sites/{siteId}/history?date={day}");
        Assert.Equal((12, 4), (wholeDay.Sum(p => p!.Number("arrived")), wholeDay.Sum(p => p!.Number("served"))));
        var summary = await a.Admin().GetJsonAsync($"/api/v1/report.json?date={day}");
        var site = summary["sites"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == siteId)!;
        Assert.Equal((12, 4), (site.Number("arrived"), site.Number("served")));
        Assert.True(site["lanes"]![0]!.Number("minutesOpen") >= 1, "lane 1 was open while the nodes ran");
        await AssertKeptAsync(b, siteId, code);

        // Every node killed without a word; one comes back and must not wait long on the dead ones listed in Redis.
        await a.KillAsync();
        await b.KillAsync();
        var restart = Stopwatch.StartNew();
        await b.StartAsync(TimeSpan.FromSeconds(90));
        await FirstReadAsync(b, siteId, TimeSpan.FromSeconds(60));
        var serving = restart.Elapsed;
        TestContext.Current.TestOutputHelper?.WriteLine($"start of a node after every node was killed to first read: {serving.TotalSeconds:0.0} s");
        await AssertKeptAsync(b, siteId, code, extraArrivals: 1);
        Assert.True(serving < TimeSpan.FromSeconds(30), $"the restarted node served {serving.TotalSeconds:0.0} s after it was started");
    }

    /// <summary>The site, its counts and its lead code are all there; a lead post proves the code still works.</summary>
    private static async Task AssertKeptAsync(NodeProcess node, string siteId, string code, int extraArrivals = 0)
    {
        var site = await node.Anonymous().GetJsonAsync($"/api/v1/sites/{siteId}");
        Assert.Equal(5 + extraArrivals, site.Lane("1").Number("queueLength"));
        Assert.Equal(4, site.Lane("1").Number("servedToday"));
        Assert.Equal(3, site.Lane("2").Number("queueLength"));
        using var lead = node.WithToken(code);
        using var post = await lead.PostEventsAsync(siteId, Arrived("1", 1, Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
    }

    /// <summary>How long until <paramref name="node"/> first answers 200 for the site.</summary>
    private static async Task<TimeSpan> FirstReadAsync(NodeProcess node, string siteId, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        using var client = node.Anonymous();
        client.Timeout = TimeSpan.FromSeconds(5);
        while (clock.Elapsed < timeout)
        {
            try
            {
                using var response = await client.GetAsync($"/api/v1/sites/{siteId}", Cancel);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return clock.Elapsed;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !Cancel.IsCancellationRequested)
            {
            }

            await Task.Delay(100, Cancel);
        }

        throw new TimeoutException($"{node.Name} did not serve site {siteId} within {timeout}:\n{node.LogTail()}");
    }

    private static async Task WaitUntil(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(50, Cancel);
        }
    }

    /// <summary>Lane 1's queue in every siteUpdated the watcher gets, and a signal for each.</summary>
    private static (List<int> Queues, SemaphoreSlim Seen) RecordQueues(HubConnection watcher)
    {
        var queues = new List<int>();
        var seen = new SemaphoreSlim(0);
        watcher.On<JsonObject>("siteUpdated", site =>
        {
            lock (queues)
            {
                queues.Add(site.Lane("1").Number("queueLength"));
            }

            seen.Release();
        });
        return (queues, seen);
    }

    private static bool HasQueue(List<int> queues, int queue)
    {
        lock (queues)
        {
            return queues.Contains(queue);
        }
    }
}
