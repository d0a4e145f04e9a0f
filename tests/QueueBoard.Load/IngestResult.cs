namespace QueueBoard.Load;

/// <summary>One ingest phase on one target: events accepted per second, request latency, failures, server CPU and memory.</summary>
public sealed record IngestResult(
    string Target, int BatchSize, double EventsPerSecond, long Requests, long Failed, Percentiles LatencyMs, double ServerCores, long ServerPeakBytes);
