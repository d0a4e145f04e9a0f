using QueueBoard.Abstractions.Model;

namespace QueueBoard.Grains.Sites;

/// <summary>The site grain's durable state: its configuration, the hashes of its lead codes (never the codes) and its activation count.</summary>
[GenerateSerializer]
public sealed class SiteState
{
    [Id(0)] public SiteConfig? Config { get; set; }
    [Id(1)] public List<string> LeadCodeHashes { get; set; } = [];

    /// <summary>How many times the configured site has been activated: the base of its picture's versions.</summary>
    [Id(2)] public long Activations { get; set; }
}
