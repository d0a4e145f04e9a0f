using System.Collections.Immutable;

namespace QueueBoard.Abstractions.Model;

/// <summary>
/// The site grain's answer to a batch of events. When <see cref="UnknownLaneIndexes"/> is not empty, nothing was applied.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ApplyOutcome(
    [property: Id(0)] bool SiteFound,
    [property: Id(1)] int Accepted,
    [property: Id(2)] int Duplicates,
    [property: Id(3)] ImmutableArray<int> UnknownLaneIndexes)
{
    public static ApplyOutcome NoSuchSite { get; } = new(false, 0, 0, []);
}
