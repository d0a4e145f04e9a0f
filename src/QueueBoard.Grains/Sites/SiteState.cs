using QueueBoard.Abstractions.Model;

namespace QueueBoard.Grains.Sites;

/// <summary>
/// The site grain's durable state: its configuration, the hashes of its lead codes (never the codes), its activation count
/// and its lanes' bits in the minute history.
/// </summary>
[GenerateSerializer]
public sealed class SiteState
{
    [Id(0)] public SiteConfig? Config { get; set; }
    [Id(1)] public List<string> LeadCodeHashes { get; set; } = [];

    /// <summary>How many times the configured site has been activated: the base of its picture's versions.</summary>
    [Id(2)] public long Activations { get; set; }

    /// <summary>Each lane's bit in the open-lane masks of the minute history (<see cref="History.LaneSlots"/>); null in a state stored before them.</summary>
    [Id(3)] public Dictionary<string, int>? LaneSlots { get; set; }
}
