using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Sites;

namespace QueueBoard.Grains.Tests;

/// <summary>The site's 24-hour duplicate check: an id is caught for a full day and forgotten within a minute after.</summary>
public sealed class RecentIdsTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 29, 4, 0, 30, TimeSpan.Zero);

    [Fact]
    public void An_id_is_a_duplicate_for_24_hours_and_forgotten_within_the_minute_after()
    {
        var ids = new RecentIds();
        var id = Guid.NewGuid();
        ids.Add(new SeenEvent(id, Noon));

        ids.ForgetOlderThan(Noon + RecentIds.KeptFor - TimeSpan.FromSeconds(1));
        Assert.True(ids.Contains(id));

        ids.ForgetOlderThan(Noon + RecentIds.KeptFor + TimeSpan.FromSeconds(61));
        Assert.False(ids.Contains(id));
        Assert.Equal(0, ids.Count);
    }

    [Fact]
    public void Ids_expire_oldest_first_and_later_ones_stay()
    {
        var ids = new RecentIds();
        var early = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        var late = Enumerable.Range(0, 2).Select(_ => Guid.NewGuid()).ToList();
        early.ForEach(id => ids.Add(new SeenEvent(id, Noon)));
        late.ForEach(id => ids.Add(new SeenEvent(id, Noon.AddHours(2))));

        ids.ForgetOlderThan(Noon.AddHours(25));

        Assert.All(early, id => Assert.False(ids.Contains(id)));
        Assert.All(late, id => Assert.True(ids.Contains(id)));
        Assert.Equal(2, ids.Count);
    }
}
