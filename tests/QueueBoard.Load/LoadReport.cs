using System.Globalization;
using System.Text;
using System.Text.Json;

namespace QueueBoard.Load;

/// <summary>Everything one run measured, with the ratios to the baselines; printed as Markdown tables and written as JSON.</summary>
public sealed record LoadReport(
    string Machine,
    DateTimeOffset At,
    LoadSettings Settings,
    IReadOnlyList<IngestResult> Ingest,
    WatchResult? Watch,
    WatchResult? BareWatch)
{
    /// <summary>The node once the crowd had gone, when the run asked for a quiet spell.</summary>
    public QuietResult? Quiet { get; init; }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine}; {At:yyyy-MM-dd HH:mm} UTC; {Settings.Sites} sites × {Settings.LanesPerSite} lanes{(Settings.Cluster ? ", two nodes on Redis" : ", one node in memory")}{(Settings.Http2 ? "; watchers on WebSockets over HTTP/2" : "")}{(Settings.LightPhones ? "; untimed phones count pushes unparsed" : "")}");
        text.AppendLine();
        text.AppendLine("| ingest | batch | events/s | ratio to bare | p50 ms | p99 ms | p99.9 ms | failed | server cores | server peak MB |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var result in Ingest)
        {
            var bare = Ingest.FirstOrDefault(b => b.Target != result.Target && b.BatchSize == result.BatchSize && b.Target.StartsWith("bare", StringComparison.Ordinal));
            var ratio = bare is null || result.Target.StartsWith("bare", StringComparison.Ordinal) ? "" : (result.EventsPerSecond / bare.EventsPerSecond).ToString("0.00", CultureInfo.InvariantCulture);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {result.Target} | {result.BatchSize} | {result.EventsPerSecond:N0} | {ratio} | {result.LatencyMs.P50:0.0} | {result.LatencyMs.P99:0.0} | {result.LatencyMs.P999:0.0} | {result.Failed} | {result.ServerCores:0.00} | {Mb(result.ServerPeakBytes)} |");
        }

        foreach (var watch in new[] { Watch, BareWatch }.OfType<WatchResult>())
        {
            if (watch == Watch)
            {
                text.AppendLine();
                text.AppendLine("| watch | watchers | walls | connect s | events/s | pushes/s | ratio to bare | wall p50 / p99 / p99.9 ms | board p50 / p99 / p99.9 ms | unreflected | bytes wall / board | server cores | server MB start → peak |");
                text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            }

            var ratio = watch == Watch && BareWatch is not null ? (watch.PushesPerSecond / BareWatch.PushesPerSecond).ToString("0.00", CultureInfo.InvariantCulture) : "";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {watch.Target} | {watch.Watchers:N0} | {watch.Walls:N0} | {watch.ConnectSeconds:0.0} | {watch.EventsPerSecond:N0} | {watch.PushesPerSecond:N0} | {ratio} | {Three(watch.WallLatencyMs)} | {Three(watch.BoardLatencyMs)} | {watch.Unreflected} | {watch.MeanWallPushBytes:N0} / {watch.MeanBoardPushBytes:N0} | {watch.ServerCores:0.00} | {Mb(watch.ServerStartBytes)} → {Mb(watch.ServerPeakBytes)} |");
        }

        if (Watch is { MeanPhoneConnectBytes: > 0 } phones)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"A phone took {phones.MeanPhoneConnectBytes:N0} bytes to connect: its compressed read of the board and the watch's answers over the socket.");
        }

        if (Watch is { BoardPushAgeMs.Count: > 0, BoardPushGapMs: { } gaps } pushes)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"A timed phone's board push was {pushes.BoardPushAgeMs.P50:N0} / {pushes.BoardPushAgeMs.P99:N0} ms old on arrival (p50 / p99, from its newest row: the district's flush and the delivery), and came {gaps.P50:N0} / {gaps.P99:N0} ms after the one before.");
        }

        if (Watch is { WallP99BySliceMs.Count: > 0 } sliced)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"p99 by {sliced.SliceSeconds} s of the drive (ms), wall: {string.Join(", ", sliced.WallP99BySliceMs.Select(p => p.ToString("0", CultureInfo.InvariantCulture)))}; board: {string.Join(", ", sliced.BoardP99BySliceMs.Select(p => p.ToString("0", CultureInfo.InvariantCulture)))}");
        }

        if (Settings.SoakMinutes > 0 && Watch is { ServerMinuteBytes.Count: > 0 } soak)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Server memory, mean over each minute (MB): {string.Join(", ", soak.ServerMinuteBytes.Select(Mb))}");
            if (SteadySpread(soak.ServerMinuteBytes) is { } spread)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"From minute {SteadyFrom} on: lowest {Mb(spread.Low)} MB, highest {Mb(spread.High)} MB, {(spread.High - spread.Low) * 100.0 / spread.Low:0.0}% apart; last minute {(soak.ServerMinuteBytes[^1] - spread.Low) * 100.0 / spread.Low:0.0}% above the lowest");
            }

            if (soak.StoreMinuteBytes.Count > 0)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"Redis memory, mean over each minute (MB): {string.Join(", ", soak.StoreMinuteBytes.Select(Mb))}");
            }
        }

        if (Quiet is { } quiet && Watch is { } crowd)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"With the crowd gone (no watchers, no events) for {quiet.Seconds:0} s: node memory {Mb(quiet.StartBytes)} MB as it left, {Mb(quiet.EndBytes)} MB at the end, lowest {Mb(quiet.LowestBytes)} MB (the watch began at {Mb(crowd.ServerStartBytes)} MB and peaked at {Mb(crowd.ServerPeakBytes)} MB); {quiet.ServerCores:0.00} cores busy; by minute (MB): {string.Join(", ", quiet.MinuteBytes.Select(Mb))}");
        }

        return text.ToString();
    }

    /// <summary>The minute a soak's memory is compared from: grains, connections and caches are all made by then.</summary>
    public const int SteadyFrom = 5;

    private static (long Low, long High)? SteadySpread(IReadOnlyList<long> minutes) =>
        minutes.Count > SteadyFrom ? (minutes.Skip(SteadyFrom - 1).Min(), minutes.Skip(SteadyFrom - 1).Max()) : null;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    private static string Three(Percentiles p) => string.Create(CultureInfo.InvariantCulture, $"{p.P50:0} / {p.P99:0} / {p.P999:0}");

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("N0", CultureInfo.InvariantCulture);
}
