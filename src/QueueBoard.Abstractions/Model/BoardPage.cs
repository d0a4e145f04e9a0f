using System.Collections.Immutable;

namespace QueueBoard.Abstractions.Model;

/// <summary>
/// The district board as of <see cref="Version"/>. <see cref="Rows"/> is default when the caller already holds that
/// version, so that a cached answer (an HTTP ETag) costs no copying.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BoardPage([property: Id(0)] string Version, [property: Id(1)] ImmutableArray<SiteSummary> Rows);
