using System.Collections.Immutable;

namespace QueueBoard.Abstractions.Model;

/// <summary>
/// Every configured site's id, as the district grain hands it to each web node's known-site set. Sites are only ever
/// added, so <see cref="Count"/> tells whether a node's copy is current; <see cref="Ids"/> is empty when it is.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SiteIdSet([property: Id(0)] int Count, [property: Id(1)] ImmutableArray<string> Ids);
