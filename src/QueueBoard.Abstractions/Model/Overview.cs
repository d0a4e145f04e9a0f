using System.Collections.Immutable;

namespace QueueBoard.Abstractions.Model;

/// <summary>District totals for the command centre: built by the district grain, served by <c>GET /api/v1/overview</c>.</summary>
[GenerateSerializer, Immutable]
public sealed record Overview
{
    [Id(0)] public required int Sites { get; init; }
    [Id(1)] public required int OpenSites { get; init; }
    [Id(2)] public required int OpenLanes { get; init; }
    [Id(3)] public required int QueueLength { get; init; }
    [Id(4)] public required int ServedToday { get; init; }
    [Id(5)] public required double ThroughputPerMinute { get; init; }
    [Id(6)] public required ImmutableArray<Alert> Alerts { get; init; }

    public bool LooksSameAs(Overview? other) =>
        other is not null && this with { Alerts = ImmutableArray<Alert>.Empty } == other with { Alerts = ImmutableArray<Alert>.Empty } && Alerts.SequenceEqual(other.Alerts);
}
