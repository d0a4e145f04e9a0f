using System.Collections.Immutable;

namespace QueueBoard.Abstractions.Model;

/// <summary>
/// The site grain's answer to a batch of events. When <see cref="UnknownLaneIndexes"/> is not empty, nothing was applied;
/// when <see cref="StorageFailed"/> is set, part of it may have been stored and the same batch should be sent again.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ApplyOutcome(
    [property: Id(0)] bool SiteFound,
    [property: Id(1)] int Accepted,
    [property: Id(2)] int Duplicates,
    [property: Id(3)] ImmutableArray<int> UnknownLaneIndexes,
    [property: Id(4)] bool StorageFailed = false,
    [property: Id(5)] long Version = 0)
{
    public static ApplyOutcome NoSuchSite { get; } = new(false, 0, 0, []);

    public static ApplyOutcome Unavailable { get; } = new(true, 0, 0, [], StorageFailed: true);
}
