using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.District;

namespace QueueBoard.Grains.Tests;

/// <summary>
/// What the district tells a reader moved in a row after a version it holds: every field for a row it has not seen, then
/// exactly the fields that changed after that version, counting one that changed and changed back.
/// </summary>
public sealed class FieldVersionsTests
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
    public void A_row_is_whole_to_a_reader_from_before_it_then_carries_what_changed_after_the_readers_version()
    {
        var fields = new FieldVersions();
        Assert.Equal(BoardRowFields.All, fields.Since("s", 0));

        fields.Changed(null, Row, 1);
        Assert.Equal(BoardRowFields.All, fields.Since("s", 0));
        Assert.Equal(0, fields.Since("s", 1));

        var later = Row with { QueueLength = 6, UpdatedAt = Row.UpdatedAt.AddSeconds(1) };
        fields.Changed(Row, later, 2);
        Assert.Equal(Queue | Time, fields.Since("s", 1));
        Assert.Equal(0, fields.Since("s", 2));
        Assert.Equal(BoardRowFields.All, fields.Since("s", 0));
    }

    [Fact]
    public void A_field_that_changed_and_changed_back_after_the_readers_version_is_sent_again()
    {
        var fields = new FieldVersions();
        fields.Changed(null, Row, 1);

        // 5 → 6 → 5: a reader that took the board at 6 must be told 5.
        var up = Row with { QueueLength = 6, UpdatedAt = Row.UpdatedAt.AddSeconds(1) };
        var back = Row with { QueueLength = 5, UpdatedAt = Row.UpdatedAt.AddSeconds(2) };
        fields.Changed(Row, up, 2);
        fields.Changed(up, back, 3);

        Assert.Equal(Queue | Time, fields.Since("s", 1));
        Assert.Equal(Queue | Time, fields.Since("s", 2));
    }

    [Fact]
    public void A_row_whose_push_was_missed_counts_every_field_from_then()
    {
        var fields = new FieldVersions();
        fields.Changed(null, Row, 1);
        fields.Changed(Row, Row with { QueueLength = 6 }, 2);

        fields.Missed("s", 3);

        Assert.Equal(BoardRowFields.All, fields.Since("s", 2));
        Assert.Equal(0, fields.Since("s", 3));
    }
}
