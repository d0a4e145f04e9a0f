using System.Collections.Immutable;
using System.Text.Json.Serialization;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Web.Hubs;

/// <summary>
/// The board's changed rows as phones get them after <c>WatchBoardPacked</c>, <c>WatchBoardSince</c> or
/// <c>WatchBoardCompact</c> (the <c>boardChanged</c> push, and the watch's answer when the phone named a version the
/// district knows). Each row is <c>[site, mask, values…]</c>: bit <c>i</c> of the mask says that <see cref="Fields"/>[i]
/// changed since the last push (or since the phone's version), and the values of those fields follow in
/// <see cref="Fields"/> order. A row the district has not pushed before (or whose push failed) carries every field.
/// In the packed form (<c>WatchBoardPacked</c>, <see cref="At"/> present) the site is its number in the district's
/// numbering (its place in the board read over HTTP), <see cref="Ids"/> names the sites of the rows that carry every
/// field (a site added since the phone's version among them), and <c>updatedAt</c> is the milliseconds it lies before
/// <see cref="At"/>. In the older form the site is its id and <c>updatedAt</c> is Unix milliseconds.
/// <see cref="Version"/> is the board's version with these rows, for the phone to name when it watches again. A packed
/// push leaves out <see cref="Fields"/>: the watch's answers, which always come first, named them.
/// </summary>
/// <remarks>
/// At district size nearly every row changes every second, mostly its queue and time: full rows made each phone's push
/// about 128 KB, whole moving-field rows 48 KB, changed fields 20 KB, of which the sites' ids were two fifths and the
/// thirteen digits of each time a third. Names, area and coordinates come with the board the phone read first, and again
/// only when an operator changes them; a phone that meets a site it does not hold reads the board again.
/// </remarks>
public sealed record BoardChanges(
    string Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ImmutableArray<string>? Fields,
    ImmutableArray<object?[]> Rows,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? At = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<int, string>? Ids = null)
{
    private static readonly int UpdatedAt = BoardRowFields.Names.IndexOf("updatedAt");

    /// <summary>
    /// The district's changed rows (never a <see cref="BoardDelta.Whole"/> board), <paramref name="packed"/> for
    /// <c>WatchBoardPacked</c>: sites by number and times as the milliseconds before the newest among the rows.
    /// </summary>
    public static BoardChanges Of(BoardDelta delta, bool packed = false)
    {
        long? at = packed ? Newest(delta) : null;
        var ids = packed ? new SortedDictionary<int, string>() : null;
        var changed = ImmutableArray.CreateBuilder<object?[]>(delta.Rows.Length);
        for (var i = 0; i < delta.Rows.Length; i++)
        {
            var mask = delta.Fields[i];
            if (mask == 0)
            {
                continue;
            }

            object site = delta.Rows[i].Id;
            if (packed)
            {
                site = delta.Numbers[i];
                if (mask == BoardRowFields.All)
                {
                    ids![delta.Numbers[i]] = delta.Rows[i].Id;
                }
            }

            changed.Add(Row(site, delta.Rows[i], mask, at));
        }

        return new(delta.Version, BoardRowFields.Names, changed.DrainToImmutable(), at, ids is { Count: > 0 } ? ids : null);
    }

    /// <summary>
    /// This packed message as a push to the phones' group: without the field names, about 290 bytes, which every phone
    /// took from its watch's answers before it joined the group.
    /// </summary>
    public BoardChanges AsPackedPush() => this with { Fields = null };

    // The newest time, so that most rows' ages are the few digits of the last second and none is negative.
    private static long Newest(BoardDelta delta)
    {
        var at = 0L;
        for (var i = 0; i < delta.Rows.Length; i++)
        {
            if ((delta.Fields[i] & (1 << UpdatedAt)) != 0)
            {
                at = Math.Max(at, delta.Rows[i].UpdatedAt.ToUnixTimeMilliseconds());
            }
        }

        return at;
    }

    private static object?[] Row(object site, SiteSummary row, int mask, long? at)
    {
        var values = BoardRowFields.Values(row);
        var sent = new List<object?>(2 + values.Length) { site, mask };
        for (var i = 0; i < values.Length; i++)
        {
            if ((mask & (1 << i)) != 0)
            {
                sent.Add(i == UpdatedAt ? Time(row, at) : values[i]);
            }
        }

        return [.. sent];
    }

    private static long Time(SiteSummary row, long? at)
    {
        var time = row.UpdatedAt.ToUnixTimeMilliseconds();
        return at is { } newest ? newest - time : time;
    }
}
