using System.Collections.Immutable;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Grains.Lanes;

/// <summary>
/// The lane grain's durable hot state, written on every batch before the batch is acknowledged. History is kept apart
/// (<see cref="History.MinuteHistory"/>) so that this write stays small.
/// </summary>
[GenerateSerializer]
public sealed class LaneState
{
    [Id(0)] public LaneStatus Status { get; set; } = LaneStatus.Closed;
    [Id(1)] public int QueueLength { get; set; }
    /// <summary>Serves by district day, for the current and previous day (a device clock a little ahead at midnight
    /// must not hide the serves still dated today).</summary>
    [Id(2)] public Dictionary<DateOnly, int> ServedByDay { get; set; } = [];
    [Id(4)] public ServiceRateState Rate { get; set; } = ServiceRateState.Empty;
    [Id(5)] public ThroughputState Throughput { get; set; } = ThroughputState.Empty;
    [Id(6)] public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.MinValue;

    /// <summary>Applied event ids in the order they were accepted, oldest first.</summary>
    [Id(7)] public List<SeenEvent> Seen { get; set; } = [];

    public LaneReading ToReading() =>
        new(Status, QueueLength, ServedByDay.ToImmutableDictionary(), Rate, Throughput, UpdatedAt);
}
