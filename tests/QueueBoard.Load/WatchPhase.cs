using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace QueueBoard.Load;

/// <summary>
/// QueueBoard watched as a district watches it: a few wall screens per site on <c>WatchSite</c>, the rest phones on
/// <c>WatchBoardPacked</c> from the board they read over HTTP, as the resident board watches, while arrivals go to every site at a steady rate, one POST each. Times every push at the walls and at
/// a sample of phones against the acknowledgement of the arrival it reflects, and counts every push delivered.
/// </summary>
public static class WatchPhase
{
    public static async Task<WatchResult> RunAsync(LoadTarget target, LoadSite[] sites, LoadSettings settings, Action<string> progress)
    {
        var walls = Math.Min(settings.Watchers, sites.Length * settings.WallsPerSite);
        var logs = new PushLog?[Math.Min(settings.Watchers, walls + settings.TimedBoardWatchers)];
        var index = sites.Select((site, i) => (site.Id, i)).ToDictionary(x => x.Id, x => x.i);

        // The packed feed names sites by number: their place in the board read (one district activation throughout).
        var numbered = new ConcurrentDictionary<int, string>();
        long wallMessages = 0, boardMessages = 0, wallBytes = 0, wallSized = 0, boardBytes = 0, boardSized = 0;

        // What phones took to connect: the board read over HTTP and the watch's answers over the socket.
        long connectBytes = 0, phones = 0;
        var connecting = true;
        using var reader = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 32 }) { Timeout = TimeSpan.FromMinutes(2) };

        await using var meter = target.Meter();
        await using var storeMeter = target.StoreMeter();
        await using var watchers = new Watchers(settings.Http2);
        await using var quiet = new QuietWatchers(settings.Http2);
        var full = settings.LightPhones ? logs.Length : settings.Watchers;
        var connectSeconds = await watchers.OpenAsync(i => target.HubFor(i < walls ? i % sites.Length : i), full, (i, connection) =>
        {
            var log = i < logs.Length ? logs[i] = new PushLog() : null;
            if (i < walls)
            {
                connection.On<JsonElement>("siteUpdated", site =>
                {
                    Interlocked.Increment(ref wallMessages);
                    if (log is not null)
                    {
                        Interlocked.Add(ref wallBytes, site.GetRawText().Length);
                        Interlocked.Increment(ref wallSized);
                        log.Saw(index[site.GetProperty("id").GetString()!], site.GetProperty("queueLength").GetInt32());
                    }
                });
            }
            else
            {
                // The whole board comes only when the watch names a version the district does not know.
                connection.On<JsonElement>("boardUpdated", rows =>
                {
                    Interlocked.Increment(ref boardMessages);
                    if (Volatile.Read(ref connecting))
                    {
                        Interlocked.Add(ref connectBytes, rows.GetRawText().Length);
                    }
                });
                var queue = -1;
                connection.On<JsonElement>("boardChanged", changes =>
                {
                    Interlocked.Increment(ref boardMessages);
                    if (Volatile.Read(ref connecting))
                    {
                        Interlocked.Add(ref connectBytes, changes.GetRawText().Length);
                    }

                    if (log is not null)
                    {
                        Interlocked.Add(ref boardBytes, changes.GetRawText().Length);
                        Interlocked.Increment(ref boardSized);
                        // A packed push has no field names of its own: the watch's answers, which came first, named them.
                        if (changes.TryGetProperty("fields", out var fieldNames))
                        {
                            queue = fieldNames.EnumerateArray().Select(f => f.GetString()).ToList().IndexOf("queueLength");
                        }

                        if (changes.TryGetProperty("at", out var newest))
                        {
                            log.Pushed(newest.GetInt64());
                        }

                        if (changes.TryGetProperty("ids", out var ids))
                        {
                            foreach (var named in ids.EnumerateObject())
                            {
                                numbered[int.Parse(named.Name, CultureInfo.InvariantCulture)] = named.Value.GetString()!;
                            }
                        }

                        foreach (var row in changes.GetProperty("rows").EnumerateArray())
                        {
                            // [site number, mask, values of the fields the mask names]: the queue is there only when it moved.
                            var mask = row[1].GetInt32();
                            if (queue >= 0 && (mask & (1 << queue)) != 0 && numbered.TryGetValue(row[0].GetInt32(), out var id) && index.TryGetValue(id, out var site))
                            {
                                var at = 2 + int.PopCount(mask & ((1 << queue) - 1));
                                log.Saw(site, row[at].GetInt32());
                            }
                        }
                    }
                });
            }
        }, (i, connection) => i < walls ? connection.InvokeAsync("WatchSite", sites[i % sites.Length].Id) : WatchBoardAsync(i, connection), progress);
        connectSeconds += await quiet.OpenAsync(full, settings.Watchers, async i =>
        {
            var version = await ReadBoardAsync(i);
            return (target.HubFor(i), "WatchBoardPacked", [version]);
        }, progress);
        Volatile.Write(ref connecting, false);
        Interlocked.Add(ref connectBytes, quiet.ConnectBytes);
        var phoneConnectBytes = phones == 0 ? 0 : (double)Interlocked.Read(ref connectBytes) / phones;
        progress($"{settings.Watchers:N0} watchers connected in {connectSeconds:0.0} s; a phone took {phoneConnectBytes:N0} B to connect");

        // The snapshots each Watch call brings are not what is measured.
        await Task.Delay(1500);
        var (wallsBefore, boardBefore) = (Interlocked.Read(ref wallMessages), Interlocked.Read(ref boardMessages) + quiet.Pushes);
        Interlocked.Exchange(ref wallBytes, 0);
        Interlocked.Exchange(ref wallSized, 0);
        Interlocked.Exchange(ref boardBytes, 0);
        Interlocked.Exchange(ref boardSized, 0);

        foreach (var log in logs)
        {
            log?.ForgetPushes();
        }

        var acks = sites.Select(_ => new List<long>()).ToArray();
        var driveStart = Stopwatch.GetTimestamp();
        var acked = await DriveAsync(target, sites, acks, settings, progress);
        var driven = settings.WatchSeconds;

        // The board is pushed at most once a second: the last events' pushes are still on their way.
        await Task.Delay(2500);
        var delivered = Interlocked.Read(ref wallMessages) - wallsBefore + Interlocked.Read(ref boardMessages) + quiet.Pushes - boardBefore;
        var wallLatency = Percentiles.Of(logs.Take(Math.Min(walls, logs.Length)).SelectMany(l => l!.Latencies(acks)));
        var boardLatency = Percentiles.Of(logs.Skip(walls).SelectMany(l => l!.Latencies(acks)));
        var slice = settings.WatchSeconds > 120 ? 60 : 10;
        var wallBySlice = P99BySlice(logs.Take(Math.Min(walls, logs.Length)), acks, driveStart, slice);
        var boardBySlice = P99BySlice(logs.Skip(walls), acks, driveStart, slice);
        var boardPushes = logs.Skip(walls).Select(l => l!.Pushes()).ToList();
        var unreflected = logs.Take(Math.Min(walls, logs.Length)).Select((log, i) => (long)Math.Max(0, acks[i % sites.Length].Count - log!.SeenFor(i % sites.Length))).Sum();
        var usage = meter is null ? default : await meter.StopAsync();
        var minutes = meter?.MinuteBytes.ToList() ?? [];
        if (storeMeter is not null)
        {
            await storeMeter.StopAsync();
        }

        var storeMinutes = storeMeter?.MinuteBytes.ToList() ?? [];
        return new WatchResult(
            target.Name,
            settings.Watchers,
            walls,
            connectSeconds,
            acked / driven,
            delivered / (driven + 2.5),
            (Interlocked.Read(ref wallMessages) - wallsBefore) / (double)Math.Max(1, walls) / (driven + 2.5),
            wallSized == 0 ? 0 : (double)wallBytes / wallSized,
            boardSized == 0 ? 0 : (double)boardBytes / boardSized,
            wallLatency,
            boardLatency,
            unreflected,
            usage.Cores,
            usage.StartBytes,
            usage.PeakBytes) { ServerMinuteBytes = minutes, StoreMinuteBytes = storeMinutes, MeanPhoneConnectBytes = phoneConnectBytes,
            BoardPushAgeMs = Percentiles.Of(boardPushes.SelectMany(p => p.Ages)),
            BoardPushGapMs = Percentiles.Of(boardPushes.SelectMany(p => p.Gaps)),
            SliceSeconds = slice,
            WallP99BySliceMs = wallBySlice,
            BoardP99BySliceMs = boardBySlice,
        };

        async Task WatchBoardAsync(int i, HubConnection connection) => await connection.InvokeAsync("WatchBoardPacked", await ReadBoardAsync(i));

        async Task<string?> ReadBoardAsync(int i)
        {
            var (version, wire, ids) = await BoardRead.ReadAsync(reader, target.NodeFor(i));
            for (var number = 0; number < ids.Length; number++)
            {
                numbered.TryAdd(number, ids[number]);
            }

            Interlocked.Add(ref connectBytes, wire);
            Interlocked.Increment(ref phones);
            return version;
        }
    }

    /// <summary>
    /// The p99 of the arrivals acknowledged in each slice of the drive, in order: whether the tail came early (connections
    /// and pools still warming) or all along. A slice with no arrival timed is left out.
    /// </summary>
    private static List<double> P99BySlice(IEnumerable<PushLog?> logs, List<long>[] acks, long driveStart, int sliceSeconds) =>
        [.. logs.OfType<PushLog>()
            .SelectMany(log => log.TimedLatencies(acks))
            .GroupBy(l => (int)(Stopwatch.GetElapsedTime(driveStart, l.AckedAt).TotalSeconds / sliceSeconds))
            .OrderBy(slice => slice.Key)
            .Select(slice => Percentiles.Of(slice.Select(l => l.Ms)).P99)];

    /// <summary>
    /// Sends one arrival at a time to each site in turn at the given rate, as its lead's phone; records when each was
    /// acknowledged.
    /// </summary>
    private static async Task<long> DriveAsync(LoadTarget target, LoadSite[] sites, List<long>[] acks, LoadSettings settings, Action<string> progress)
    {
        var (perSecond, duration) = (settings.EventsPerSecond, TimeSpan.FromSeconds(settings.WatchSeconds));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { Timeout = TimeSpan.FromSeconds(30) };
        long acked = 0;
        var inflight = new List<Task>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);
        using var reporting = IngestPhase.Report(() => $"{target.Name} watch: {Interlocked.Read(ref acked) / Math.Max(1, clock.Elapsed.TotalSeconds):N0} events/s acknowledged", progress, stop.Token);
        var cursor = 0;
        var carry = 0.0;
        var tick = TimeSpan.FromMilliseconds(50);
        for (var next = tick; clock.Elapsed < duration; next += tick)
        {
            carry += perSecond * tick.TotalSeconds;
            for (; carry >= 1; carry--)
            {
                var site = cursor++ % sites.Length;
                inflight.Add(PostAsync(site));
            }

            var wait = next - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
        }

        await Task.WhenAll(inflight);
        return acked;

        async Task PostAsync(int site)
        {
            try
            {
                var arrival = new[] { new { id = settings.EventIds ? Guid.NewGuid() : (Guid?)null, lane = "1", type = "arrived", count = 1 } };
                using var request = sites[site].PostEvents(target.NodeFor(site), arrival);
                using var response = await http.SendAsync(request);
                if (response.IsSuccessStatusCode)
                {
                    lock (acks[site])
                    {
                        acks[site].Add(Stopwatch.GetTimestamp());
                    }

                    Interlocked.Increment(ref acked);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }
        }
    }
}
