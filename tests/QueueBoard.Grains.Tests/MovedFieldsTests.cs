using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.District;

namespace QueueBoard.Grains.Tests;

/// <summary>
/// What the district tells phones moved in a row: everything the first time and after a failed push, then exactly the
/// fields that changed since the last push, counting one that changed and changed back.
/// </summary>
public sealed class MovedFieldsTests
{
    private static readonly int Queue = 1 << BoardRowFields.Names.IndexOf("queueLength");
    private static readonly int Time = 1 << BoardRowFields.Names.IndexOf("updatedAt");

    private static readonly SiteSummary Row = new()
    {
        Id = "s", Name = "n", NameEn = "n", Area = "a", Latitude = 0, Longitude = 0, Open = true, QueueLength = 5,
        WaitMinutes = 4, WaitBand = WaitBand.Smooth, GreenLaneOpen = false, GreenWaitMinutes = null, OpenLanes = 1,
        TotalLanes = 2, UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void A_row_is_whole_until_pushed_then_carries_what_changed_since()
    {
        var moved = new MovedFields();
        moved.Changed(null, Row);
        Assert.Equal([BoardRowFields.All], moved.Take([Row]));

        var later = Row with { QueueLength = 6, UpdatedAt = Row.UpdatedAt.AddSeconds(1) };
        moved.Changed(Row, later);
        Assert.Equal([Queue | Time], moved.Take([later]));
        Assert.Equal([0], moved.Take([later]));
    }

    [Fact]
    public void A_field_that_changed_and_changed_back_since_the_push_is_sent_again()
    {
        var moved = new MovedFields();
        moved.Take([Row]);

        // 5 → 6 → 5 within one window: a phone that read the board at 6 must be told 5.
        var up = Row with { QueueLength = 6, UpdatedAt = Row.UpdatedAt.AddSeconds(1) };
        var back = Row with { QueueLength = 5, UpdatedAt = Row.UpdatedAt.AddSeconds(2) };
        moved.Changed(Row, up);
        moved.Changed(up, back);

        Assert.Equal([Queue | Time], moved.Take([back]));
    }

    [Fact]
    public void After_a_failed_push_the_row_goes_whole_again()
    {
        var moved = new MovedFields();
        moved.Take([Row]);
        var later = Row with { QueueLength = 6 };
        moved.Changed(Row, later);

        moved.Forget("s");

        Assert.Equal([BoardRowFields.All], moved.Take([later]));
    }
}
