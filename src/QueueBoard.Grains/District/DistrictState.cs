namespace QueueBoard.Grains.District;

/// <summary>
/// The district grain's durable state: which sites exist, so that a restarted district can gather them again, and which
/// alerts the command centre has acknowledged. Both stay small: one entry per site and per alert raised now.
/// </summary>
[GenerateSerializer]
public sealed class DistrictState
{
    [Id(0)] public SortedSet<string> SiteIds { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Acknowledged alerts by id, with their site and when; an entry goes when its condition clears.</summary>
    [Id(1)] public Dictionary<string, AlertAcknowledgement> Acknowledged { get; set; } = new(StringComparer.Ordinal);
}
