using System.Collections.Immutable;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Web.Hubs;

/// <summary>
/// The board's changed rows as phones get them after <c>WatchBoardCompact</c> (the <c>boardChanged</c> push): each row an
/// array of only the fields that move, in the order <see cref="Fields"/> names them, about a quarter of a full row's bytes.
/// At district size nearly every row changes every second, and full rows made each phone's push about 128 KB. Names,
/// area and coordinates come with the full snapshot the watch call sends first; a phone that meets an id it does not
/// hold reads the board again.
/// </summary>
public sealed record BoardChanges(ImmutableArray<string> Fields, ImmutableArray<object?[]> Rows)
{
    /// <summary>The moving fields, named as in the board row (<c>GET /api/v1/sites</c>).</summary>
    public static ImmutableArray<string> FieldNames { get; } =
    [
        "id", "open", "queueLength", "waitMinutes", "waitMinutesLow", "waitMinutesHigh", "waitBand", "greenLaneOpen",
        "greenWaitMinutes", "greenWaitMinutesLow", "greenWaitMinutesHigh", "openLanes", "totalLanes", "updatedAt",
        "withinHours", "nextOpening", "stale",
    ];

    public static BoardChanges Of(ImmutableArray<SiteSummary> rows) => new(FieldNames, [.. rows.Select(Row)]);

    private static object?[] Row(SiteSummary s) =>
    [
        s.Id, s.Open, s.QueueLength, s.WaitMinutes, s.WaitMinutesLow, s.WaitMinutesHigh, s.WaitBand, s.GreenLaneOpen,
        s.GreenWaitMinutes, s.GreenWaitMinutesLow, s.GreenWaitMinutesHigh, s.OpenLanes, s.TotalLanes, s.UpdatedAt,
        s.WithinHours, s.NextOpening, s.Stale,
    ];
}
