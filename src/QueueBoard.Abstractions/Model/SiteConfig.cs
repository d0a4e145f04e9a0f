using System.Collections.Immutable;

namespace QueueBoard.Abstractions.Model;

/// <summary>A site's configuration, validated by the web host and kept by the site grain.</summary>
[GenerateSerializer, Immutable]
public sealed record SiteConfig(
    [property: Id(0)] string Name,
    [property: Id(1)] string? NameEn,
    [property: Id(2)] string Area,
    [property: Id(3)] double Latitude,
    [property: Id(4)] double Longitude,
    [property: Id(5)] ImmutableArray<OpenSpan> OpenHours,
    [property: Id(6)] ImmutableArray<LaneConfig> Lanes)
{
    /// <summary>
    /// Planned pauses of every lane (meal breaks, shift changes) in local time, every day: a wait that runs into one
    /// includes it. Lanes may add their own (<see cref="LaneConfig.Breaks"/>).
    /// </summary>
    [Id(7)] public ImmutableArray<OpenSpan> Breaks { get; init; } = [];

    /// <summary>Whether the site is within its opening hours at a local minute of the day.</summary>
    public bool IsWithinHours(int localMinuteOfDay) =>
        OpenHours.IsDefaultOrEmpty || OpenHours.Any(span => span.Contains(localMinuteOfDay));
}
