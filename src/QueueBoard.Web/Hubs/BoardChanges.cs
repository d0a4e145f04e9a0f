using System.Collections.Immutable;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Web.Hubs;

/// <summary>
/// The board's changed rows as phones get them after <c>WatchBoardCompact</c> (the <c>boardChanged</c> push). Each row is
/// <c>[id, mask, values…]</c>: bit <c>i</c> of the mask says that <see cref="Fields"/>[i] moved since the district last
/// pushed the row, and the values of the fields that moved follow in <see cref="Fields"/> order. A row the district has
/// not pushed before (or whose push failed) carries every field. <c>updatedAt</c> is given in Unix milliseconds.
/// </summary>
/// <remarks>
/// At district size nearly every row changes every second, mostly its queue and time: full rows made each phone's push
/// about 128 KB, whole moving-field rows 48 KB. Names, area and coordinates come with the full snapshot the watch call
/// sends first; a phone that meets an id it does not hold reads the board again.
/// </remarks>
public sealed record BoardChanges(ImmutableArray<string> Fields, ImmutableArray<object?[]> Rows)
{
    /// <summary>The moving fields, named as in the board row (<c>GET /api/v1/sites</c>).</summary>
    public static ImmutableArray<string> FieldNames { get; } =
    [
        "open", "queueLength", "waitMinutes", "waitMinutesLow", "waitMinutesHigh", "waitBand", "greenLaneOpen",
        "greenWaitMinutes", "greenWaitMinutesLow", "greenWaitMinutesHigh", "openLanes", "totalLanes", "updatedAt",
        "withinHours", "nextOpening", "stale",
    ];

    /// <summary>The rows' changes against <paramref name="pushedBefore"/> (same index; null sends the whole row).</summary>
    public static BoardChanges Of(ImmutableArray<SiteSummary> rows, ImmutableArray<SiteSummary?> pushedBefore)
    {
        var changed = ImmutableArray.CreateBuilder<object?[]>(rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var before = pushedBefore.IsDefaultOrEmpty ? null : pushedBefore[i];
            if (Row(rows[i], before) is { } row)
            {
                changed.Add(row);
            }
        }

        return new(FieldNames, changed.DrainToImmutable());
    }

    /// <summary>The row's changed fields, or null when none of them moved.</summary>
    private static object?[]? Row(SiteSummary now, SiteSummary? before)
    {
        var values = Values(now);
        var previous = before is null ? null : Values(before);
        var row = new List<object?>(2 + values.Length) { now.Id, 0 };
        var mask = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (previous is null || !Equals(values[i], previous[i]))
            {
                mask |= 1 << i;
                row.Add(values[i]);
            }
        }

        if (mask == 0)
        {
            return null;
        }

        row[1] = mask;
        return [.. row];
    }

    private static object?[] Values(SiteSummary s) =>
    [
        s.Open, s.QueueLength, s.WaitMinutes, s.WaitMinutesLow, s.WaitMinutesHigh, s.WaitBand, s.GreenLaneOpen,
        s.GreenWaitMinutes, s.GreenWaitMinutesLow, s.GreenWaitMinutesHigh, s.OpenLanes, s.TotalLanes,
        s.UpdatedAt.ToUnixTimeMilliseconds(), s.WithinHours, s.NextOpening, s.Stale,
    ];
}
