using System.Collections.Immutable;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Web.Hubs;

/// <summary>
/// The board's changed rows as phones get them after <c>WatchBoardCompact</c> (the <c>boardChanged</c> push). Each row is
/// <c>[id, mask, values…]</c>: bit <c>i</c> of the mask says that <see cref="Fields"/>[i] changed since the district
/// last pushed the row, and the values of those fields follow in <see cref="Fields"/> order. A row the district has
/// not pushed before (or whose push failed) carries every field. <c>updatedAt</c> is given in Unix milliseconds.
/// </summary>
/// <remarks>
/// At district size nearly every row changes every second, mostly its queue and time: full rows made each phone's push
/// about 128 KB, whole moving-field rows 48 KB. Names, area and coordinates come with the full snapshot the watch call
/// sends first; a phone that meets an id it does not hold reads the board again.
/// </remarks>
public sealed record BoardChanges(ImmutableArray<string> Fields, ImmutableArray<object?[]> Rows)
{
    private static readonly int UpdatedAt = BoardRowFields.Names.IndexOf("updatedAt");

    /// <summary>The rows' changes; <paramref name="movedFields"/> holds each row's <see cref="BoardRowFields"/> bits.</summary>
    public static BoardChanges Of(ImmutableArray<SiteSummary> rows, ImmutableArray<int> movedFields)
    {
        var changed = ImmutableArray.CreateBuilder<object?[]>(rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            if (movedFields[i] != 0)
            {
                changed.Add(Row(rows[i], movedFields[i]));
            }
        }

        return new(BoardRowFields.Names, changed.DrainToImmutable());
    }

    private static object?[] Row(SiteSummary row, int mask)
    {
        var values = BoardRowFields.Values(row);
        var sent = new List<object?>(2 + values.Length) { row.Id, mask };
        for (var i = 0; i < values.Length; i++)
        {
            if ((mask & (1 << i)) != 0)
            {
                sent.Add(i == UpdatedAt ? row.UpdatedAt.ToUnixTimeMilliseconds() : values[i]);
            }
        }

        return [.. sent];
    }
}
