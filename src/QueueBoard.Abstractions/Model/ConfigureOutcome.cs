using System.Collections.Immutable;

namespace QueueBoard.Abstractions.Model;

/// <summary>
/// The site grain's answer to a new configuration: the site as it now stands, or the lanes that block the change
/// because people are still queued in them (then nothing changed).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ConfigureOutcome(
    [property: Id(0)] SiteDetail? Site,
    [property: Id(1)] ImmutableArray<string> LanesStillQueued);
