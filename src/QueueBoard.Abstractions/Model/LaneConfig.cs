using System.Collections.Immutable;

namespace QueueBoard.Abstractions.Model;

/// <summary>A lane as the command centre configures it; part of <see cref="SiteConfig"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record LaneConfig(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] LaneKind Kind)
{
    /// <summary>This lane's own planned pauses in local time, every day, besides the site's (<see cref="SiteConfig.Breaks"/>).</summary>
    [Id(3)] public ImmutableArray<OpenSpan> Breaks { get; init; } = [];
}
