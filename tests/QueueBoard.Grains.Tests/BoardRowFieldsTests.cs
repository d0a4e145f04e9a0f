using QueueBoard.Abstractions.Model;

namespace QueueBoard.Grains.Tests;

/// <summary>
/// Which fields of a board row the district marks as changed (and so sends a phone), and when a site counts a row as
/// unchanged for its watchers: each field on its own bit, in the order the feed names them.
/// </summary>
public sealed class BoardRowFieldsTests
{
    private static readonly SiteSummary Row = new()
    {
        Id = "s", Name = "n", NameEn = "n", Area = "a", Latitude = 31.2, Longitude = 121.4, Open = true, QueueLength = 5,
        WaitMinutes = 4, WaitMinutesLow = 3, WaitMinutesHigh = 6, WaitBand = WaitBand.Smooth, GreenLaneOpen = false,
        GreenWaitMinutes = null, OpenLanes = 1, TotalLanes = 2, UpdatedAt = DateTimeOffset.UnixEpoch.AddMinutes(600),
    };

    public static TheoryData<string> Fields => [.. BoardRowFields.Names];

    [Theory]
    [MemberData(nameof(Fields))]
    public void A_field_changed_alone_marks_its_own_bit_and_nothing_else(string field)
    {
        var changed = Changed(field);

        Assert.Equal(1 << BoardRowFields.Names.IndexOf(field), BoardRowFields.Changed(Row, changed));
        Assert.Equal(0, BoardRowFields.Changed(Row, Row with { }));

        // The values the feed writes differ at that field's place alone.
        var (was, now) = (BoardRowFields.Values(Row), BoardRowFields.Values(changed));
        Assert.Equal([BoardRowFields.Names.IndexOf(field)], Enumerable.Range(0, was.Length).Where(i => !Equals(was[i], now[i])));
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void A_site_pushes_again_for_any_field_but_the_time_within_its_minute(string field)
    {
        var looksSame = Row.LooksSameAs(Changed(field));

        Assert.Equal(field == "updatedAt", looksSame);
        Assert.False(Row.LooksSameAs(Row with { UpdatedAt = Row.UpdatedAt.AddMinutes(1) }));
        Assert.False(Row.LooksSameAs(Row with { Id = "t" }));
        Assert.False(Row.LooksSameAs(null));
    }

    /// <summary>The row with one field moved; a time 30 s later stays within the row's minute.</summary>
    private static SiteSummary Changed(string field) => field switch
    {
        "updatedAt" => Row with { UpdatedAt = Row.UpdatedAt.AddSeconds(30) },
        "queueLength" => Row with { QueueLength = 6 },
        "waitMinutes" => Row with { WaitMinutes = 5 },
        "waitMinutesLow" => Row with { WaitMinutesLow = null },
        "waitMinutesHigh" => Row with { WaitMinutesHigh = 7 },
        "waitBand" => Row with { WaitBand = WaitBand.Busy },
        "open" => Row with { Open = false },
        "greenLaneOpen" => Row with { GreenLaneOpen = true },
        "greenWaitMinutes" => Row with { GreenWaitMinutes = 2 },
        "greenWaitMinutesLow" => Row with { GreenWaitMinutesLow = 1 },
        "greenWaitMinutesHigh" => Row with { GreenWaitMinutesHigh = 3 },
        "openLanes" => Row with { OpenLanes = 2 },
        "totalLanes" => Row with { TotalLanes = 3 },
        "withinHours" => Row with { WithinHours = false },
        "nextOpening" => Row with { NextOpening = Row.UpdatedAt.AddHours(8) },
        "stale" => Row with { Stale = true },
        "name" => Row with { Name = "m" },
        "nameEn" => Row with { NameEn = null },
        "area" => Row with { Area = "b" },
        "latitude" => Row with { Latitude = 31.3 },
        "longitude" => Row with { Longitude = 121.5 },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "a field this test does not know"),
    };
}
