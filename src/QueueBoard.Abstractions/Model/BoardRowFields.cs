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

    /// <summary>The bit of <c>updatedAt</c>, which moves with every report.</summary>
    public const int UpdatedAt = 1;

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
    /// <remarks>Field by field rather than through <see cref="Values"/>: each event's site and the district compare rows, and
    /// two boxed arrays a comparison were most of what that cost.</remarks>
    public static int Changed(SiteSummary before, SiteSummary after) =>
        (before.UpdatedAt != after.UpdatedAt ? UpdatedAt : 0)
        | Bit(before.QueueLength != after.QueueLength, 1)
        | Bit(before.WaitMinutes != after.WaitMinutes, 2)
        | Bit(before.WaitMinutesLow != after.WaitMinutesLow, 3)
        | Bit(before.WaitMinutesHigh != after.WaitMinutesHigh, 4)
        | Bit(before.WaitBand != after.WaitBand, 5)
        | Bit(before.Open != after.Open, 6)
        | Bit(before.GreenLaneOpen != after.GreenLaneOpen, 7)
        | Bit(before.GreenWaitMinutes != after.GreenWaitMinutes, 8)
        | Bit(before.GreenWaitMinutesLow != after.GreenWaitMinutesLow, 9)
        | Bit(before.GreenWaitMinutesHigh != after.GreenWaitMinutesHigh, 10)
        | Bit(before.OpenLanes != after.OpenLanes, 11)
        | Bit(before.TotalLanes != after.TotalLanes, 12)
        | Bit(before.WithinHours != after.WithinHours, 13)
        | Bit(before.NextOpening != after.NextOpening, 14)
        | Bit(before.Stale != after.Stale, 15)
        | Bit(before.Name != after.Name, 16)
        | Bit(before.NameEn != after.NameEn, 17)
        | Bit(before.Area != after.Area, 18)
        | Bit(!before.Latitude.Equals(after.Latitude), 19)
        | Bit(!before.Longitude.Equals(after.Longitude), 20);

    private static int Bit(bool differs, int index) => differs ? 1 << index : 0;
}
