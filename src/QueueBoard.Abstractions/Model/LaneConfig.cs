namespace QueueBoard.Abstractions.Model;

/// <summary>A lane as the command centre configures it; part of <see cref="SiteConfig"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record LaneConfig(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] LaneKind Kind);
