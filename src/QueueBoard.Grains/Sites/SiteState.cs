using QueueBoard.Abstractions.Model;

namespace QueueBoard.Grains.Sites;

/// <summary>
/// The site grain's durable state: its configuration, the hashes of its lead codes (never the codes), its activation count,
/// its lanes' bits in the minute history and the serves of lanes it no longer has.
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

    /// <summary>
    /// Serves counted by lanes since removed from the site, by district day, today and yesterday only: the people were
    /// sampled here, and taking a lane off the site must not take them off its total. Null when no lane was removed.
    /// </summary>
    [Id(4)] public Dictionary<DateOnly, int>? RemovedLanesServed { get; set; }
}
