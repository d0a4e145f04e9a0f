using System.Collections.Immutable;
using System.Text.Json.Serialization;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Web.Hubs;

/// <summary>
/// The board's changed rows as phones get them after <c>WatchBoardWithAges</c>, <c>WatchBoardSince</c> or
/// <c>WatchBoardCompact</c> (the <c>boardChanged</c> push, and the watch's answer when the phone named a version the
/// district knows). Each row is <c>[id, mask, values…]</c>: bit <c>i</c> of the mask says that <see cref="Fields"/>[i]
/// changed since the last push (or since the phone's version), and the values of those fields follow in
/// <see cref="Fields"/> order. A row the district has not pushed before (or whose push failed) carries every field.
/// <c>updatedAt</c> is given in Unix milliseconds, or, when <see cref="At"/> is present (<c>WatchBoardWithAges</c>), as
/// the milliseconds it lies before <see cref="At"/>. <see cref="Version"/> is the board's version with these rows, for the
/// phone to name when it watches again.
/// </summary>
/// <remarks>
/// At district size nearly every row changes every second, mostly its queue and time: full rows made each phone's push
/// about 128 KB, whole moving-field rows 48 KB, changed fields 20 KB, of which the thirteen digits of each row's time were a
/// third. Names, area and coordinates come with the board the phone read first, and again only when an operator changes
/// them; a phone that meets an id it does not hold reads the board again.
/// </remarks>
public sealed record BoardChanges(
    string Version,
    ImmutableArray<string> Fields,
    ImmutableArray<object?[]> Rows,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? At = null)
{
    private static readonly int UpdatedAt = BoardRowFields.Names.IndexOf("updatedAt");

    /// <summary>
    /// The compact form of the district's changed rows (never a <see cref="BoardDelta.Whole"/> board); with
    /// <paramref name="ages"/>, each time as milliseconds before the newest time among the rows, which the message names.
    /// </summary>
    public static BoardChanges Of(BoardDelta delta, bool ages = false)
    {
        long? at = null;
        if (ages)
        {
            // The newest time, so that most rows' ages are the few digits of the last second and none is negative.
            at = 0;
            for (var i = 0; i < delta.Rows.Length; i++)
            {
                if ((delta.Fields[i] & (1 << UpdatedAt)) != 0)
                {
                    at = Math.Max(at.Value, delta.Rows[i].UpdatedAt.ToUnixTimeMilliseconds());
                }
            }
        }

        var changed = ImmutableArray.CreateBuilder<object?[]>(delta.Rows.Length);
        for (var i = 0; i < delta.Rows.Length; i++)
        {
            if (delta.Fields[i] != 0)
            {
                changed.Add(Row(delta.Rows[i], delta.Fields[i], at));
            }
        }

        return new(delta.Version, BoardRowFields.Names, changed.DrainToImmutable(), at);
    }

    private static object?[] Row(SiteSummary row, int mask, long? at)
    {
        var values = BoardRowFields.Values(row);
        var sent = new List<object?>(2 + values.Length) { row.Id, mask };
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
