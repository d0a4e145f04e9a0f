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
    /// <summary>The name the lane grain stores this state under.</summary>
    public const string StateName = "lane";

    /// <summary>How many ids the hot state holds before they are moved aside into a chunk.</summary>
    public const int RecentIdLimit = 32;

    [Id(0)] public LaneStatus Status { get; set; } = LaneStatus.Closed;
    [Id(1)] public int QueueLength { get; set; }
    /// <summary>Serves by district day, for the current and previous day (a device clock a little ahead at midnight
    /// must not hide the serves still dated today).</summary>
    [Id(2)] public Dictionary<DateOnly, int> ServedByDay { get; set; } = [];
    [Id(4)] public ServiceRateState Rate { get; set; } = ServiceRateState.Empty;
    [Id(5)] public ThroughputState Throughput { get; set; } = ThroughputState.Empty;
    [Id(11)] public ServiceSpreadState Spread { get; set; } = ServiceSpreadState.Empty;
    [Id(6)] public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.MinValue;

    /// <summary>
    /// When the status and the head count now held were decided (their events' <c>at</c>): a phone that was offline may
    /// send an older decision after a newer one, which must not undo it.
    /// </summary>
    [Id(12)] public DateTimeOffset StatusSetAt { get; set; } = DateTimeOffset.MinValue;
    [Id(13)] public DateTimeOffset QueueSetAt { get; set; } = DateTimeOffset.MinValue;

    /// <summary>
    /// The ids applied since the last chunk was moved aside, oldest first; never more than <see cref="RecentIdLimit"/>, so
    /// that this write stays a few kilobytes however busy the day.
    /// </summary>
    [Id(8)] public List<SeenEvent> RecentIds { get; set; } = [];

    /// <summary>The oldest chunk in <see cref="LaneIdArchive"/> that may still hold ids from the last 24 hours.</summary>
    [Id(9)] public long FirstChunk { get; set; }

    /// <summary>The number the next chunk is stored under; chunks <see cref="FirstChunk"/> up to this one are live.</summary>
    [Id(10)] public long NextChunk { get; set; }

    public LaneReading ToReading() =>
        new(Status, QueueLength, ServedByDay.ToImmutableDictionary(), Rate, Throughput, UpdatedAt) { Spread = Spread ?? ServiceSpreadState.Empty };
}
