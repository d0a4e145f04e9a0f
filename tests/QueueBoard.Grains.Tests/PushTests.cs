using QueueBoard.Abstractions.Grains;
using QueueBoard.Abstractions.Model;
using static QueueBoard.Grains.Tests.TestSites;

namespace QueueBoard.Grains.Tests;

/// <summary>How the grains push to watchers: throttled, last state always sent, nothing sent when nothing changed.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PushTests(ClusterFixture fixture)
{
    private readonly string _siteId = NewId();

    private ISiteGrain Site => fixture.Grains.GetGrain<ISiteGrain>(_siteId);

    [Fact]
    public async Task A_flood_of_events_is_pushed_at_most_every_250_ms_and_ends_with_the_last_state()
    {
        await Site.Configure(Standard("1"));
        await Site.Apply(Batch(Status("1", LaneStatus.Open)));
        await Task.Delay(400, TestContext.Current.CancellationToken);
        var start = RecordingPublisher.Now;

        // 500 events over a second: 50 batches of 10, one every 20 ms.
        for (var i = 0; i < 50; i++)
        {
            await Site.Apply([.. Enumerable.Repeat(Arrived("1", 1), 10)]);
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        var flooded = RecordingPublisher.Now;
        await Task.Delay(600, TestContext.Current.CancellationToken);
        var pushes = fixture.Publisher.PushesOf(_siteId).Where(p => p.At >= start).ToList();

        // Throttled, not debounced: watchers see the flood as it happens, not only once it is over.
        Assert.True(pushes.Count(p => p.At <= flooded) >= 3, $"{pushes.Count(p => p.At <= flooded)} pushes during the flood");

        var gaps = pushes.Zip(pushes.Skip(1), (a, b) => b.At - a.At).ToList();
        Assert.All(gaps, gap => Assert.True(gap >= TimeSpan.FromMilliseconds(245), $"pushes {gap.TotalMilliseconds} ms apart"));
        Assert.Equal(500, pushes[^1].Site.QueueLength);
        Assert.True(pushes[^1].Site.Version > pushes[0].Site.Version);
    }

    [Fact]
    public async Task An_event_that_changes_nothing_visible_is_not_pushed()
    {
        await Site.Configure(Standard("1"));
        await Site.Apply(Batch(Status("1", LaneStatus.Open), Arrived("1", 3)));
        await Task.Delay(400, TestContext.Current.CancellationToken);
        var before = fixture.Publisher.PushesOf(_siteId).Count;
        Assert.True(before >= 1, "the site was never pushed at all");

        await Site.Apply(Batch(Status("1", LaneStatus.Open), HeadCount("1", 3)));
        await Task.Delay(600, TestContext.Current.CancellationToken);

        Assert.Equal(before, fixture.Publisher.PushesOf(_siteId).Count);
    }

    [Fact]
    public async Task The_board_learns_a_new_site_at_once_and_later_pushes_carry_only_changed_rows()
    {
        var other = NewId();
        await fixture.Grains.GetGrain<ISiteGrain>(other).Configure(Standard("1"));
        await Site.Configure(Standard("1"));

        var board = await fixture.Grains.GetGrain<IDistrictGrain>(0).GetBoard(null);
        Assert.Contains(board.Rows, r => r.Id == _siteId);
        await Task.Delay(1200, TestContext.Current.CancellationToken);

        var start = RecordingPublisher.Now;
        await Site.Apply(Batch(Status("1", LaneStatus.Open), Arrived("1", 9)));
        await Task.Delay(1500, TestContext.Current.CancellationToken);

        var rows = fixture.Publisher.Boards.Where(b => b.At >= start).SelectMany(b => b.Rows).ToList();
        Assert.Contains(rows, r => r.Id == _siteId && r.QueueLength == 9);
        Assert.DoesNotContain(rows, r => r.Id == other);
        var overview = await fixture.Grains.GetGrain<IDistrictGrain>(0).GetOverview();
        Assert.True(overview.QueueLength >= 9);
    }
}
