using System.Collections.Immutable;

namespace QueueBoard.Abstractions.Model;

/// <summary>
/// Board rows that changed after a version a reader holds, as the district grain hands them to the hub: for a phone's
/// watch (from the board it read over HTTP, or the last push it took before its connection dropped) and for each push.
/// <see cref="Fields"/> holds, at each row's index, the bits of its <see cref="BoardRowFields"/> that changed, so a feed
/// may send only those. When the reader named no version, <see cref="Whole"/> is set and <see cref="Rows"/> is every
/// site, to be taken as the whole board; a version the district did not give out (another activation's) gets every
/// row with every field's bit. <see cref="Numbers"/> holds, at each row's index, the site's number in the district's
/// numbering (the board's row order, stable for the district's activation), by which the phones' packed feed names rows.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BoardDelta(
    [property: Id(0)] string Version,
    [property: Id(1)] bool Whole,
    [property: Id(2)] ImmutableArray<SiteSummary> Rows,
    [property: Id(3)] ImmutableArray<int> Fields,
    [property: Id(4)] ImmutableArray<int> Numbers);
