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

    /// <summary>People served per minute lately (an exponentially weighted rate over wall-clock time).</summary>
    [Id(5)] public required double ThroughputPerMinute { get; init; }

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
