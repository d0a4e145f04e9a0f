using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.SignalR.Client;
using QueueBoard.Testing;

namespace QueueBoard.Web.Tests;

/// <summary>
/// An unauthenticated client naming hundreds of thousands of site ids that do not exist, through every path that takes a
/// site id (GET, history, a bearer token, a hub watch), leaves the server's memory flat and its log a few lines long.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class UnknownIdMemoryTests
{
    private const int IdsPerPath = 300_000;
    private const int Concurrency = 32;
    private const long AllowedGrowthBytes = 30L * 1024 * 1024;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Three_hundred_thousand_unknown_ids_through_each_path_grow_memory_by_less_than_30_MB()
    {
        var logs = new CountingLoggerProvider();
        await using var app = new LogCountingAppFactory(logs);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency }) { BaseAddress = app.BaseAddress };
        // Hub calls on one connection are handled one at a time, so the hub path uses several connections.
        var hubs = Enumerable.Range(0, Concurrency / 2).Select(_ => app.Hub()).ToList();
        foreach (var hub in hubs)
        {
            await hub.StartAsync(Cancel);
        }

        var paths = new (string Name, Func<string, Task<HttpStatusCode>> Send)[]
        {
            ("GET /sites/{id}", id => StatusOf(client.GetAsync($"/api/v1/sites/{id}", Cancel))),
            ("GET /sites/{id}/history", id => StatusOf(client.GetAsync($"/api/v1/sites/{id}/history?minutes=5", Cancel))),
            ("bearer {id}.code", id => StatusOf(client.SendAsync(LeadPost(id), Cancel))),
            ("hub WatchSite", id => WatchAsync(hubs[(id.GetHashCode() & int.MaxValue) % hubs.Count], id)),
        };

        // Warm-up: every path once at small scale, so that code, pools and caches are in place before measuring.
        foreach (var (_, send) in paths)
        {
            await SendManyAsync(send, "warm", 2_000);
        }

        var before = SettledHeap();
        var logBytesBefore = logs.Bytes;
        var report = new StringBuilder();
        foreach (var (name, send) in paths)
        {
            var statuses = await SendManyAsync(send, name.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), IdsPerPath);
            var heap = SettledHeap();
            report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{name}: {IdsPerPath:N0} unknown ids -> {string.Join(", ", statuses.Select(s => $"{(int)s.Key}x{s.Value:N0}"))}; heap {MiB(heap - before)} MiB over the start");
            Assert.DoesNotContain(statuses.Keys, s => (int)s >= 500);
        }

        var growth = SettledHeap() - before;
        report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"total heap growth {MiB(growth)} MiB (limit {MiB(AllowedGrowthBytes)}); log written {logs.Bytes - logBytesBefore:N0} bytes for {4 * IdsPerPath:N0} refusals ({logs.Loudest()})");
        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        Assert.True(growth < AllowedGrowthBytes, report.ToString());
        Assert.True(logs.Bytes - logBytesBefore < 64 * 1024, report.ToString());
        foreach (var hub in hubs)
        {
            await hub.DisposeAsync();
        }
    }

    private static HttpRequestMessage LeadPost(string siteId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sites/{siteId}/events")
        {
            Content = new StringContent("""{"events":[{"lane":"1","type":"arrived","count":1}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", $"{siteId}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        return request;
    }

    private static async Task<HttpStatusCode> StatusOf(Task<HttpResponseMessage> send)
    {
        using var response = await send;
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> WatchAsync(HubConnection hub, string siteId)
    {
        try
        {
            await hub.InvokeAsync("WatchSite", siteId, Cancel);
            return HttpStatusCode.OK;
        }
        catch (Microsoft.AspNetCore.SignalR.HubException)
        {
            return HttpStatusCode.NotFound;
        }
    }

    /// <summary>Sends <paramref name="count"/> distinct well-formed unknown ids, <see cref="Concurrency"/> at a time.</summary>
    private static async Task<Dictionary<HttpStatusCode, int>> SendManyAsync(Func<string, Task<HttpStatusCode>> send, string prefix, int count)
    {
        var statuses = new Dictionary<HttpStatusCode, int>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var status = await send($"nope-{prefix}-{i:x}");
                lock (statuses)
                {
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                }
            }
        }));
        return statuses;
    }

    private static long SettledHeap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string MiB(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
