namespace QueueBoard.Grains.District;

/// <summary>The district grain's durable state: which sites exist, so that a restarted district can gather them again.</summary>
[GenerateSerializer]
public sealed class DistrictState
{
    [Id(0)] public SortedSet<string> SiteIds { get; set; } = new(StringComparer.Ordinal);
}
