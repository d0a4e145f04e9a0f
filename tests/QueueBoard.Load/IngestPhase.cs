using System.Diagnostics;

namespace QueueBoard.Load;

/// <summary>
/// Simulated lead phones posting lane events as fast as they are answered: each device posts batches (of one, or of
/// <see cref="LoadSettings.BatchSize"/>) with fresh ids to its own site, signed in with the site's lead code, arrivals
/// and serves alternating so queues stay bounded. Counts events acknowledged with 200 per second and times every request.
/// </summary>
public static class IngestPhase
{
    public static async Task<IngestResult> RunAsync(LoadTarget target, LoadSite[] sites, int lanes, int devices, int batchSize, TimeSpan duration, Action<string> progress)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = devices, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        long accepted = 0, requests = 0, failed = 0;
        var latencies = new List<double>[devices];
        await using var meter = target.Meter();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);
        using var reporting = Report(() => $"{target.Name} batches of {batchSize}: {Interlocked.Read(ref accepted) / Math.Max(1, clock.Elapsed.TotalSeconds):N0} events/s", progress, stop.Token);

        await Task.WhenAll(Enumerable.Range(0, devices).Select(async device =>
        {
            var mine = latencies[device] = [];
            var site = sites[device % sites.Length];
            var node = target.NodeFor(device % sites.Length);
            var sequence = 0;
            while (!stop.IsCancellationRequested)
            {
                var batch = Enumerable.Range(0, batchSize).Select(_ =>
                {
                    sequence++;
                    return new { id = Guid.NewGuid(), lane = $"{(sequence % lanes) + 1}", type = sequence % 2 == 0 ? "served" : "arrived", count = 1 };
                }).ToArray();
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var request = site.PostEvents(node, batch);
                    using var response = await http.SendAsync(request, CancellationToken.None);
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    Interlocked.Increment(ref requests);
                    if (response.IsSuccessStatusCode)
                    {
                        Interlocked.Add(ref accepted, batchSize);
                    }
                    else
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref requests);
                    Interlocked.Increment(ref failed);
                }
            }
        }));

        var seconds = clock.Elapsed.TotalSeconds;
        var usage = meter is null ? default : await meter.StopAsync();
        var samples = latencies.SelectMany(l => l).ToArray();
        return new IngestResult(target.Name, batchSize, accepted / seconds, requests, failed, Percentiles.Of(samples), usage.Cores, usage.PeakBytes)
        {
            Seconds = seconds,
            SamplesMs = samples,
        };
    }

    /// <summary>Prints a progress line every few seconds until cancelled.</summary>
    public static IDisposable Report(Func<string> line, Action<string> progress, CancellationToken stop)
    {
        var timer = new Timer(_ => progress(line()), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
        stop.Register(() => timer.Dispose());
        return timer;
    }
}
