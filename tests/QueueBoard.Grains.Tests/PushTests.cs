using Orleans.Core.Internal;
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
    public async Task A_district_leaving_its_node_says_so_and_its_next_activation_pushes_every_row_again()
    {
        var cancel = TestContext.Current.CancellationToken;
        await Site.Configure(Standard("1"));
        var district = fixture.Grains.GetGrain<IDistrictGrain>(0);
        await district.GetOverview();
        var released = fixture.Publisher.BoardReleases.Count;

        // What a failed district write does: the node that held the district must stop reporting its sites.
        await district.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        for (var waited = 0; fixture.Publisher.BoardReleases.Count == released && waited < 50; waited++)
        {
            await Task.Delay(100, cancel);
        }

        Assert.Equal(released + 1, fixture.Publisher.BoardReleases.Count);
        // Another test's site may wake the district before this call does: its pushes count from the release.
        var reactivated = fixture.Publisher.BoardReleases.Last();
        await district.GetOverview();
        for (var waited = 0; !PushedSince(reactivated) && waited < 50; waited++)
        {
            await Task.Delay(100, cancel);
        }

        Assert.True(PushedSince(reactivated), "the new activation never pushed the site's row");
    }

    private bool PushedSince(TimeSpan at) =>
        fixture.Publisher.Boards.Any(p => p.At >= at && p.Board.Rows.Any(r => r.Id == _siteId));

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

        var rows = fixture.Publisher.Boards.Where(b => b.At >= start).SelectMany(b => b.Board.Rows).ToList();
        Assert.Contains(rows, r => r.Id == _siteId && r.QueueLength == 9);
        Assert.DoesNotContain(rows, r => r.Id == other);
        var overview = await fixture.Grains.GetGrain<IDistrictGrain>(0).GetOverview();
        Assert.True(overview.QueueLength >= 9);
    }

    [Fact]
    public async Task A_reader_that_names_its_board_version_gets_only_the_rows_and_fields_that_moved_since()
    {
        var other = NewId();
        await fixture.Grains.GetGrain<ISiteGrain>(other).Configure(Standard("1"));
        await Site.Configure(Standard("1"));
        await Site.Apply(Batch(Status("1", LaneStatus.Open)));
        var district = fixture.Grains.GetGrain<IDistrictGrain>(0);
        var read = await district.GetBoard(null);

        await Site.Apply(Batch(Arrived("1", 4)));
        var since = await district.GetBoardSince(read.Version);

        Assert.False(since.Whole);
        Assert.NotEqual(read.Version, since.Version);
        var index = since.Rows.Select(r => r.Id).ToList().IndexOf(_siteId);
        Assert.True(index >= 0, "the site that took an arrival is missing");
        Assert.Equal(4, since.Rows[index].QueueLength);
        var moved = since.Fields[index];
        Assert.NotEqual(0, moved & (1 << BoardRowFields.Names.IndexOf("queueLength")));
        Assert.Equal(0, moved & (1 << BoardRowFields.Names.IndexOf("totalLanes")));
        Assert.DoesNotContain(since.Rows, r => r.Id == other);

        var again = await district.GetBoardSince(since.Version);
        Assert.DoesNotContain(again.Rows, r => r.Id == _siteId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task A_reader_that_names_no_version_gets_the_whole_board(string? version)
    {
        await Site.Configure(Standard("1"));
        var district = fixture.Grains.GetGrain<IDistrictGrain>(0);

        var since = await district.GetBoardSince(version);

        Assert.True(since.Whole);
        Assert.Contains(since.Rows, r => r.Id == _siteId);
        Assert.True(since.Fields.IsDefault);
    }

    [Theory]
    [InlineData("not-a-version")]
    [InlineData("00000000-1")]
    [InlineData("ahead")]
    public async Task A_version_the_district_never_gave_out_gets_every_field_of_every_row_not_the_board(string version)
    {
        await Site.Configure(Standard("1"));
        var district = fixture.Grains.GetGrain<IDistrictGrain>(0);
        var board = await district.GetBoard(null);

        // A number ahead of the board is no version it has given out either.
        var named = version == "ahead" ? board.Version[..board.Version.IndexOf('-')] + "-" + long.MaxValue : version;
        var since = await district.GetBoardSince(named);

        Assert.False(since.Whole);
        Assert.Contains(since.Rows, r => r.Id == _siteId);
        Assert.True(since.Rows.Length >= board.Rows.Length);
        Assert.All(since.Fields, fields => Assert.Equal(BoardRowFields.All, fields));
    }

    [Fact]
    public async Task After_a_failed_push_the_row_goes_whole_again()
    {
        await Site.Configure(Standard("1"));
        await Site.Apply(Batch(Status("1", LaneStatus.Open), Arrived("1", 2)));
        await Task.Delay(1200, TestContext.Current.CancellationToken);
        var district = fixture.Grains.GetGrain<IDistrictGrain>(0);

        var start = RecordingPublisher.Now;
        await Site.Apply(Batch(Arrived("1", 1)));
        await Task.Delay(1200, TestContext.Current.CancellationToken);
        var moved = FieldsPushedSince(start);
        Assert.True(moved > 0 && moved != BoardRowFields.All, $"the arrival was pushed with fields {moved}");

        // A watcher took a later push before this one was reported failed (a Redis timeout takes seconds).
        var later = (await district.GetBoard(null)).Version;
        start = RecordingPublisher.Now;
        await district.PushAgain([_siteId], false);
        await Task.Delay(1200, TestContext.Current.CancellationToken);

        Assert.Equal(BoardRowFields.All, FieldsPushedSince(start));

        // Coming back from that later version, it still gets what the failed push carried.
        var since = await district.GetBoardSince(later);
        var index = since.Rows.Select(r => r.Id).ToList().IndexOf(_siteId);
        Assert.True(index >= 0, "a watcher from a version after the failed push was not given the row");
        Assert.Equal(BoardRowFields.All, since.Fields[index]);
    }

    private int FieldsPushedSince(TimeSpan start) =>
        fixture.Publisher.Boards.Where(b => b.At >= start)
            .SelectMany(b => b.Board.Rows.Zip(b.Board.Fields))
            .Where(x => x.First.Id == _siteId)
            .Select(x => x.Second)
            .DefaultIfEmpty(-1)
            .Last();
}
