namespace QueueBoard.Load;

/// <summary>
/// One watch phase on one target: watchers held, pushes delivered per second, bytes per push, and how long after an
/// event's acknowledgement the first push reflecting it reached a wall screen and a board phone, and the server's cost.
/// </summary>
public sealed record WatchResult(
    string Target,
    int Watchers,
    int Walls,
    double ConnectSeconds,
    double EventsPerSecond,
    double PushesPerSecond,
    double WallPushesPerSitePerSecond,
    double MeanWallPushBytes,
    double MeanBoardPushBytes,
    Percentiles WallLatencyMs,
    Percentiles BoardLatencyMs,
    long Unreflected,
    double ServerCores,
    long ServerStartBytes,
    long ServerPeakBytes)
{
    /// <summary>The server's mean resident memory over each minute of the phase (a soak's record).</summary>
    public IReadOnlyList<long> ServerMinuteBytes { get; init; } = [];

    /// <summary>The store's (a cluster's Redis) mean resident memory over each minute of the phase, beside the nodes'.</summary>
    public IReadOnlyList<long> StoreMinuteBytes { get; init; } = [];

    /// <summary>What a phone took to connect, on the wire: its compressed read of the board and the watch's answers.</summary>
    public double MeanPhoneConnectBytes { get; init; }

    /// <summary>
    /// How old a timed phone's board push was when it came, from the newest row in it (its <c>at</c>): the district's
    /// flush and the delivery, which the board latency adds to the wait for the throttle's window.
    /// </summary>
    public Percentiles? BoardPushAgeMs { get; init; }

    /// <summary>The time between one board push and the next at a timed phone: the throttle's window as phones see it.</summary>
    public Percentiles? BoardPushGapMs { get; init; }

    /// <summary>How long each slice of <see cref="WallP99BySliceMs"/> and <see cref="BoardP99BySliceMs"/> is.</summary>
    public int SliceSeconds { get; init; }

    /// <summary>Wall push p99 of the arrivals acknowledged in each slice of the drive, in order.</summary>
    public IReadOnlyList<double> WallP99BySliceMs { get; init; } = [];

    /// <summary>Board push p99 of the arrivals acknowledged in each slice of the drive, in order.</summary>
    public IReadOnlyList<double> BoardP99BySliceMs { get; init; } = [];
}
