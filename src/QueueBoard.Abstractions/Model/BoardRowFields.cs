using System.Collections.Immutable;

namespace QueueBoard.Abstractions.Model;

/// <summary>
/// The fields of a board row (<see cref="SiteSummary"/>) that can change, in a fixed order: first those that move with a
/// site's queue, the two that move with every arrival (time and queue) in the lowest bits so that a push's usual mask is
/// one digit, then those an operator changes now and then (names, area, place). The district grain marks which of
/// them changed since it last pushed a row, and the phones' compact board feed sends only those, so a rename reaches a
/// phone that stays connected all day. Named as in <c>GET /api/v1/sites</c>.
/// </summary>
public static class BoardRowFields
{
    public static ImmutableArray<string> Names { get; } =
    [
        "updatedAt", "queueLength", "waitMinutes", "waitMinutesLow", "waitMinutesHigh", "waitBand", "open", "greenLaneOpen",
        "greenWaitMinutes", "greenWaitMinutesLow", "greenWaitMinutesHigh", "openLanes", "totalLanes", "withinHours",
        "nextOpening", "stale", "name", "nameEn", "area", "latitude", "longitude",
    ];

    /// <summary>Every field's bit.</summary>
    public static int All { get; } = (1 << Names.Length) - 1;

    /// <summary>The row's values, in <see cref="Names"/> order.</summary>
    public static object?[] Values(SiteSummary s) =>
    [
        s.UpdatedAt, s.QueueLength, s.WaitMinutes, s.WaitMinutesLow, s.WaitMinutesHigh, s.WaitBand, s.Open, s.GreenLaneOpen,
        s.GreenWaitMinutes, s.GreenWaitMinutesLow, s.GreenWaitMinutesHigh, s.OpenLanes, s.TotalLanes, s.WithinHours,
        s.NextOpening, s.Stale, s.Name, s.NameEn, s.Area, s.Latitude, s.Longitude,
    ];

    /// <summary>The bits of the fields whose values differ between two versions of a row.</summary>
    public static int Changed(SiteSummary before, SiteSummary after)
    {
        var (was, now) = (Values(before), Values(after));
        var mask = 0;
        for (var i = 0; i < was.Length; i++)
        {
            if (!Equals(was[i], now[i]))
            {
                mask |= 1 << i;
            }
        }

        return mask;
    }
}
