namespace QueueBoard.Abstractions.Model;

/// <summary>One lane as every screen shows it; part of <see cref="SiteDetail"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record LaneView
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required LaneKind Kind { get; init; }
    [Id(3)] public required LaneStatus Status { get; init; }
    [Id(4)] public required int QueueLength { get; init; }

    /// <summary>
    /// The pace the lane's wait is worked out from, in people per minute, so a reader can check the one against the other
    /// (queue ÷ pace ≈ wait); 0 when the lane is paused or closed or the site is outside its hours, which screens show as
    /// the lane's state rather than as a rate.
    /// </summary>
    [Id(5)] public required double ThroughputPerMinute { get; init; }

    /// <summary>
    /// People counted served per minute lately (an exponentially weighted rate over wall-clock time), whatever the lane's
    /// state: what the command centre's throughput-drop alert compares with the lane's own last hour. Not shown.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    [Id(12)] public double MeasuredPerMinute { get; init; }

    /// <summary>The wait for a person joining now; null when the lane is not open or the site is outside its hours.</summary>
    [Id(6)] public required int? WaitMinutes { get; init; }

    /// <summary>The likely range of <see cref="WaitMinutes"/>, from the lane's service-time spread; null exactly when it is.</summary>
    [Id(9)] public int? WaitMinutesLow { get; init; }

    [Id(10)] public int? WaitMinutesHigh { get; init; }

    /// <summary>A planned pause that starts before this lane's wait runs out, already included in it; null when none does.</summary>
    [Id(11)] public PauseWindow? PauseAhead { get; init; }

    [Id(7)] public required int ServedToday { get; init; }
    [Id(8)] public required DateTimeOffset UpdatedAt { get; init; }
}
