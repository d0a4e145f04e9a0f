using System.Text.Json.Serialization;

namespace QueueBoard.Load;

/// <summary>
/// One ingest phase on one target: events accepted per second, request latency, failures, server CPU and memory. A
/// target's turns in one run (<see cref="LoadSettings.Rounds"/>) are combined into one result for the report.
/// </summary>
public sealed record IngestResult(
    string Target, int BatchSize, double EventsPerSecond, long Requests, long Failed, Percentiles LatencyMs, double ServerCores, long ServerPeakBytes)
{
    /// <summary>How long the phase ran.</summary>
    public double Seconds { get; init; }

    /// <summary>Every request's time, kept so that turns combine into one set of percentiles; not written to the JSON.</summary>
    [JsonIgnore]
    public IReadOnlyList<double> SamplesMs { get; init; } = [];

    /// <summary>A target's turns as one phase: events and time added up, percentiles over every request, CPU weighted by time.</summary>
    public static IngestResult Combine(IReadOnlyList<IngestResult> turns)
    {
        if (turns.Count == 1)
        {
            return turns[0];
        }

        var seconds = turns.Sum(t => t.Seconds);
        var samples = turns.SelectMany(t => t.SamplesMs).ToArray();
        return new IngestResult(
            turns[0].Target,
            turns[0].BatchSize,
            turns.Sum(t => t.EventsPerSecond * t.Seconds) / seconds,
            turns.Sum(t => t.Requests),
            turns.Sum(t => t.Failed),
            Percentiles.Of(samples),
            turns.Sum(t => t.ServerCores * t.Seconds) / seconds,
            turns.Max(t => t.ServerPeakBytes))
        {
            Seconds = seconds,
            SamplesMs = samples,
        };
    }
}
