using QueueBoard.Abstractions.Model;

namespace QueueBoard.Grains.Tests;

/// <summary>Opening hours as the contract defines them: from included, to excluded, 24:00 allowed, overnight spans.</summary>
public sealed class OpenHoursTests
{
    [Theory]
    [InlineData(8 * 60, 22 * 60, 8 * 60, true)]
    [InlineData(8 * 60, 22 * 60, (22 * 60) - 1, true)]
    [InlineData(8 * 60, 22 * 60, 22 * 60, false)]
    [InlineData(8 * 60, 22 * 60, (8 * 60) - 1, false)]
    [InlineData(0, 24 * 60, (24 * 60) - 1, true)]
    [InlineData(18 * 60, 2 * 60, 23 * 60, true)]
    [InlineData(18 * 60, 2 * 60, 60, true)]
    [InlineData(18 * 60, 2 * 60, 2 * 60, false)]
    [InlineData(18 * 60, 2 * 60, 12 * 60, false)]
    public void A_span_contains_its_minutes(int from, int to, int minute, bool expected) =>
        Assert.Equal(expected, new OpenSpan(from, to).Contains(minute));

    [Fact]
    public void A_site_with_two_spans_is_closed_between_them()
    {
        var config = new SiteConfig("站", null, "区", 0, 0, [new OpenSpan(7 * 60, 12 * 60), new OpenSpan(14 * 60, 21 * 60)], []);

        Assert.True(config.IsWithinHours(11 * 60));
        Assert.False(config.IsWithinHours(13 * 60));
        Assert.True(config.IsWithinHours(14 * 60));
    }
}
