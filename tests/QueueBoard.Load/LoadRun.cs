namespace QueueBoard.Load;

/// <summary>
/// One harness run against targets already started: creates the sites, runs single-event and batched ingest against
/// QueueBoard and baseline (a), then the watch phase against QueueBoard and baseline (b), and gathers the report; or, for
/// a soak, the watch phase alone for as long as asked.
/// </summary>
public static class LoadRun
{
    public static async Task<LoadReport> RunAsync(LoadTarget queueBoard, LoadTarget? baseline, LoadSettings settings, Action<string> progress)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        progress($"creating {settings.Sites} sites of {settings.LanesPerSite} lanes for ingest and as many for watching");
        var ingestSites = await DistrictSetup.CreateAsync(queueBoard, $"li{run}", settings.Sites, settings.LanesPerSite, progress);
        var watchSites = await DistrictSetup.CreateAsync(queueBoard, $"lw{run}", settings.Sites, settings.LanesPerSite, progress);

        if (settings.SoakMinutes > 0)
        {
            progress($"soak: {settings.Watchers:N0} watchers, {settings.EventsPerSecond:N0} arrivals/s for {settings.SoakMinutes} minutes");
            var soak = await WatchPhase.RunAsync(queueBoard, watchSites, settings, progress);
            var afterSoak = await QuietAsync();
            return new LoadReport(Machine(), DateTimeOffset.UtcNow, settings, [], soak, null) { Quiet = afterSoak };
        }

        // Unmeasured first: JIT, connection pools and the sites' grains warm up before anything is timed.
        var warmUp = TimeSpan.FromSeconds(Math.Min(10, settings.IngestSeconds / 2));
        foreach (var target in new[] { baseline, queueBoard }.OfType<LoadTarget>())
        {
            progress($"warming up {target.Name} for {warmUp.TotalSeconds:0} s");
            await IngestPhase.RunAsync(target, ingestSites, settings.LanesPerSite, settings.Devices, settings.BatchSize, warmUp, _ => { });
            await IngestPhase.RunAsync(target, ingestSites, settings.LanesPerSite, settings.Devices, 1, warmUp, _ => { });
        }

        var ingest = new List<IngestResult>();
        var turn = TimeSpan.FromSeconds(settings.IngestSeconds / settings.Rounds);
        foreach (var batch in new[] { 1, settings.BatchSize })
        {
            var bareTurns = new List<IngestResult>();
            var turns = new List<IngestResult>();
            for (var round = 0; round < settings.Rounds; round++)
            {
                if (baseline is not null)
                {
                    bareTurns.Add(await IngestPhase.RunAsync(baseline, ingestSites, settings.LanesPerSite, settings.Devices, batch, turn, progress));
                }

                turns.Add(await IngestPhase.RunAsync(queueBoard, ingestSites, settings.LanesPerSite, settings.Devices, batch, turn, progress));
            }

            if (bareTurns.Count > 0)
            {
                ingest.Add(IngestResult.Combine(bareTurns));
            }

            ingest.Add(IngestResult.Combine(turns));
            progress($"batch {batch}: {string.Join(", ", ingest.Where(r => r.BatchSize == batch).Select(r => $"{r.Target} {r.EventsPerSecond:N0} events/s"))}");
        }

        var watch = await WatchPhase.RunAsync(queueBoard, watchSites, settings, progress);
        progress($"watch: wall p99 {watch.WallLatencyMs.P99:0} ms, board p99 {watch.BoardLatencyMs.P99:0} ms, {watch.PushesPerSecond:N0} pushes/s; board push age p50 / p99 {watch.BoardPushAgeMs?.P50:0} / {watch.BoardPushAgeMs?.P99:0} ms, gap p50 / p99 {watch.BoardPushGapMs?.P50:0} / {watch.BoardPushGapMs?.P99:0} ms");

        // Before the bare hub's watch, so that the node's quiet spell starts as its crowd leaves.
        var quiet = await QuietAsync();
        var bare = baseline is null ? null : await BareWatchPhase.RunAsync(baseline, settings.Sites, settings, watch, progress);
        return new LoadReport(Machine(), DateTimeOffset.UtcNow, settings, ingest, watch, bare) { Quiet = quiet };

        async Task<QuietResult?> QuietAsync() => settings.QuietSeconds > 0 ? await QuietSpell.RunAsync(queueBoard, settings.QuietSeconds, progress) : null;
    }

    private static string Machine() =>
        $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
}
