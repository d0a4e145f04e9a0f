using QueueBoard.Abstractions.Grains;
using QueueBoard.Abstractions.Model;
using QueueBoard.Web.Audit;

namespace QueueBoard.Web.Tests;

/// <summary>
/// A node's gathered lead posts: one line per site, day, lead code and address, spanning the first post to the last with
/// their requests and events added up; taking the lines empties the tally.
/// </summary>
public sealed class LeadPostTallyTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Noon.UtcDateTime);

    [Fact]
    public void Posts_of_one_lead_from_one_address_make_one_line_and_anything_else_its_own()
    {
        var tally = new LeadPostTally();
        tally.Add("a", Today, Post(Noon, "lead:1", "10.0.0.1", 2));
        tally.Add("a", Today, Post(Noon.AddMilliseconds(400), "lead:1", "10.0.0.1", 3));
        tally.Add("a", Today, Post(Noon.AddMilliseconds(500), "lead:1", "10.0.0.2", 1));
        tally.Add("a", Today, Post(Noon.AddMilliseconds(600), "lead:2", "10.0.0.1", 1));
        tally.Add("b", Today, Post(Noon.AddMilliseconds(700), "lead:1", "10.0.0.1", 1));
        tally.Add("a", Today.AddDays(1), Post(Noon.AddDays(1), "lead:1", "10.0.0.1", 4));

        var lines = tally.Drain();

        Assert.Equal(5, lines.Count);
        var merged = Assert.Single(lines, l => l.SiteId == "a" && l.Day == Today && l.Line.Who == "lead:1" && l.Line.Address == "10.0.0.1").Line;
        Assert.Equal((Noon, Noon.AddMilliseconds(400), 2, 5), (merged.At, merged.Until, merged.Requests, merged.Events));
        Assert.Equal(EventsAction, merged.Action);
        Assert.Empty(tally.Drain());
    }

    [Fact]
    public void A_post_that_arrives_after_a_later_one_widens_its_line_and_never_moves_it_back()
    {
        // Two requests of one lead finish together: the later post can take the tally's lock first.
        var tally = new LeadPostTally();
        tally.Add("a", Today, Post(Noon.AddMilliseconds(400), "lead:1", "10.0.0.1", 3));
        tally.Add("a", Today, Post(Noon, "lead:1", "10.0.0.1", 2));

        var line = Assert.Single(tally.Drain()).Line;

        Assert.Equal((Noon, Noon.AddMilliseconds(400), 2, 5), (line.At, line.Until, line.Requests, line.Events));
    }

    private const string EventsAction = IAuditGrain.EventsAction;

    private static AuditEntry Post(DateTimeOffset at, string who, string address, int events) =>
        new(at, at, who, address, EventsAction, 1, events, null);
}
