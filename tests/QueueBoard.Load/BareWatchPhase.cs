using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace QueueBoard.Load;

/// <summary>
/// Baseline (b): the same watchers on the bare hub, pushed payloads of QueueBoard's sizes on QueueBoard's schedule
/// (measured in the same run), timed from the bare server's send to each timed watcher's receipt.
/// </summary>
public static class BareWatchPhase
{
    public static async Task<WatchResult> RunAsync(LoadTarget target, int sites, LoadSettings settings, WatchResult queueBoard, Action<string> progress)
    {
        var walls = queueBoard.Walls;
        var timed = Math.Min(settings.Watchers, walls + settings.TimedBoardWatchers);
        var wallLatency = new List<double>();
        var boardLatency = new List<double>();
        long wallMessages = 0, boardMessages = 0;

        await using var meter = target.Meter();
        await using var watchers = new Watchers(settings.Http2);
        await using var quiet = new QuietWatchers(settings.Http2);
        var full = settings.LightPhones ? timed : settings.Watchers;
        var connectSeconds = await watchers.OpenAsync(target.HubFor, full, (i, connection) =>
        {
            var samples = i < walls ? wallLatency : boardLatency;
            connection.On<JsonElement>(i < walls ? "siteUpdated" : "boardUpdated", push =>
            {
                Interlocked.Increment(ref (i < walls ? ref wallMessages : ref boardMessages));
                if (i < timed)
                {
                    var sent = push.GetProperty("sentAt").GetInt64();
                    lock (samples)
                    {
                        samples.Add(TimeSpan.FromTicks(DateTime.UtcNow.Ticks - sent).TotalMilliseconds);
                    }
                }
            });
        }, (i, connection) => connection.InvokeAsync("Watch", i < walls ? $"site-{i % sites}" : "board"), progress);
        connectSeconds += await quiet.OpenAsync(full, settings.Watchers, i => Task.FromResult((target.HubFor(i), "Watch", new object?[] { "board" })), progress);
        var quietBefore = quiet.Pushes;
        progress($"bare hub: {settings.Watchers:N0} watchers connected in {connectSeconds:0.0} s");

        using var http = new HttpClient { BaseAddress = target.BaseAddress };
        var query = FormattableString.Invariant(
            $"/broadcast?sites={sites}&sitePushesPerSecond={queueBoard.WallPushesPerSitePerSecond}&wallBytes={(int)queueBoard.MeanWallPushBytes}&boardBytes={(int)queueBoard.MeanBoardPushBytes}&seconds={settings.WatchSeconds}");
        var clock = Stopwatch.StartNew();
        (await http.PostAsync(query, null)).EnsureSuccessStatusCode();
        await Task.Delay(TimeSpan.FromSeconds(settings.WatchSeconds + 2.5));
        var delivered = Interlocked.Read(ref wallMessages) + Interlocked.Read(ref boardMessages) + quiet.Pushes - quietBefore;
        var usage = meter is null ? default : await meter.StopAsync();
        return new WatchResult(
            target.Name, settings.Watchers, walls, connectSeconds, 0, delivered / clock.Elapsed.TotalSeconds,
            Interlocked.Read(ref wallMessages) / (double)Math.Max(1, walls) / clock.Elapsed.TotalSeconds,
            queueBoard.MeanWallPushBytes, queueBoard.MeanBoardPushBytes,
            Percentiles.Of(wallLatency), Percentiles.Of(boardLatency), 0, usage.Cores, usage.StartBytes, usage.PeakBytes);
    }
}
