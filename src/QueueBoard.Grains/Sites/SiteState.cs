using QueueBoard.Abstractions.Model;

namespace QueueBoard.Grains.Sites;

/// <summary>The site grain's durable state: its configuration and the hashes of its lead codes (never the codes).</summary>
[GenerateSerializer]
public sealed class SiteState
{
    [Id(0)] public SiteConfig? Config { get; set; }
    [Id(1)] public List<string> LeadCodeHashes { get; set; } = [];
}
