using System.Collections.Immutable;

namespace QueueBoard.Abstractions.Model;

/// <summary>
/// A lane grain's raw state as it reports it to its site grain after each batch; the site grain turns it into a
/// <see cref="LaneView"/> at any later moment (waits, throughput and "today" all depend on the time of reading).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record LaneReading(
    [property: Id(0)] LaneStatus Status,
    [property: Id(1)] int QueueLength,
    [property: Id(2)] ImmutableDictionary<DateOnly, int> ServedByDay,
    [property: Id(4)] ServiceRateState Rate,
    [property: Id(5)] ThroughputState Throughput,
    [property: Id(6)] DateTimeOffset UpdatedAt)
{
    /// <summary>How unevenly the lane serves, for the range of its wait; empty for a lane read from older state.</summary>
    [Id(7)] public ServiceSpreadState Spread { get; init; } = ServiceSpreadState.Empty;

    /// <summary>A lane nobody has reported on yet: closed and empty.</summary>
    public static LaneReading Fresh { get; } =
        new(LaneStatus.Closed, 0, ImmutableDictionary<DateOnly, int>.Empty, ServiceRateState.Empty, ThroughputState.Empty, DateTimeOffset.MinValue);

    /// <summary>People served on a district day (the day of each serve's time, in the district's zone).</summary>
    public int ServedOn(DateOnly day) => ServedByDay.GetValueOrDefault(day);
}
