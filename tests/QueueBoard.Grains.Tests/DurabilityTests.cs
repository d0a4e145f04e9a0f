using System.Collections.Immutable;
using Orleans.Core.Internal;
using QueueBoard.Abstractions.Grains;
using QueueBoard.Abstractions.Model;
using static QueueBoard.Grains.Tests.TestSites;

namespace QueueBoard.Grains.Tests;

/// <summary>
/// What storage sees of a site's events: a hot write that stays small however busy the day, a storage fault part-way
/// through a batch that loses and doubles nothing, and versions that keep rising across activations.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DurabilityTests(ClusterFixture fixture)
{
    /// <summary>The most one lane's write on the hot path may carry.</summary>
    private const int HotWriteLimit = 4 * 1024;
    private const string LaneHourArchiveState = "lane-hours";

    private const string HourArchiveState = "site-hours";

    [Fact]
    public async Task A_lanes_hot_write_stays_small_and_no_bigger_after_half_a_million_ids()
    {
        var (busyId, freshId) = (NewId(), NewId());
        var (busy, fresh) = (Site(busyId), Site(freshId));
        await busy.Configure(Standard("1"));
        await fresh.Configure(Standard("1"));

        var firstId = Guid.Empty;
        for (var batch = 0; batch < 500; batch++)
        {
            ImmutableArray<LaneEvent> events = [.. Enumerable.Range(0, 1000).Select(_ => Arrived("1", 1, Guid.NewGuid()))];
            firstId = batch == 0 ? events[0].Id!.Value : firstId;
            Assert.Equal(1000, (await busy.Apply(events)).Accepted);
        }

        var busyWrites = await WritesOf(busyId, () => busy.Apply(Batch(Arrived("1", 1, Guid.NewGuid()))));
        var freshWrites = await WritesOf(freshId, () => fresh.Apply(Batch(Arrived("1", 1, Guid.NewGuid()))));

        // One lane write each, the same work for a site that took 500,000 ids today as for a new one.
        var busyWrite = Assert.Single(busyWrites);
        var freshWrite = Assert.Single(freshWrites);
        Assert.Equal(("lane", "lane"), (busyWrite.StateName, freshWrite.StateName));
        Assert.InRange(busyWrite.Bytes, 1, HotWriteLimit);
        Assert.InRange(busyWrite.Bytes, 1, freshWrite.Bytes + 32);

        // The ids moved aside still count, in this activation and in site and lane activations rebuilt from storage.
        Assert.Equal(1, (await busy.Apply(Batch(Arrived("1", 1, firstId)))).Duplicates);
        await fixture.Grains.GetGrain<ILaneGrain>(ILaneGrain.KeyOf(busyId, "1")).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await busy.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        Assert.Equal(1, (await busy.Apply(Batch(Arrived("1", 1, firstId)))).Duplicates);
        Assert.Equal(LaneLimits.MaximumQueue, (await busy.GetDetail())!.Lanes.Single().QueueLength);
    }

    [Fact]
    public async Task A_batch_that_fails_part_way_is_counted_once_when_retried_and_history_agrees()
    {
        var siteId = NewId();
        var site = Site(siteId);
        await site.Configure(Standard("1", "2"));
        var batch = Batch(Arrived("1", 2, Guid.NewGuid()), Arrived("2", 3, Guid.NewGuid()));

        fixture.Storage.FailNextWrite("lane", ILaneGrain.KeyOf(siteId, "2"));
        var failed = await site.Apply(batch);
        var retried = await site.Apply(batch);

        Assert.True(failed.StorageFailed);
        Assert.Equal((1, 1), (retried.Accepted, retried.Duplicates));
        var detail = (await site.GetDetail())!;
        Assert.Equal([2, 3], detail.Lanes.Select(l => l.QueueLength));
        Assert.Equal(2, (await site.GetLaneHistory("1", 5)).Sum(p => p.Arrived));
        Assert.Equal(3, (await site.GetLaneHistory("2", 5)).Sum(p => p.Arrived));
        Assert.Equal(5, (await site.GetHistory(5)).Sum(p => p.Arrived));
    }

    [Fact]
    public async Task A_new_activation_versions_its_picture_above_everything_the_last_one_showed()
    {
        var site = Site(NewId());
        await site.Configure(Standard("1"));
        await site.Apply(Batch(Status("1", LaneStatus.Open), Arrived("1", 3)));
        var before = (await site.GetDetail())!.Version;

        await site.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var after = (await site.GetDetail())!;

        Assert.Equal(3, after.Lanes.Single().QueueLength);
        Assert.True(after.Version > before, $"version {after.Version} after reactivation, {before} before");
    }

    private ISiteGrain Site(string id) => fixture.Grains.GetGrain<ISiteGrain>(id);

    [Fact]
    public async Task An_hour_of_a_sites_week_is_stored_in_well_under_a_kilobyte()
    {
        var siteId = NewId();
        var site = Site(siteId);
        await site.Configure(Standard("1"));
        await site.Apply(Batch(Status("1", LaneStatus.Open), Arrived("1", 7, Guid.NewGuid()), Served("1", 3)));

        var hours = new List<StorageWrite>();
        for (var attempt = 0; attempt < 100 && hours.Count == 0; attempt++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            hours = [.. fixture.Storage.Writes.Where(w => w.StateName == HourArchiveState && w.GrainId.Key.ToString()!.StartsWith(siteId, StringComparison.Ordinal))];
        }

        Assert.NotEmpty(hours);
        TestContext.Current.SendDiagnosticMessage($"hour record: {hours.Max(w => w.Bytes)} bytes");
        Assert.InRange(hours.Max(w => w.Bytes), 1, 1024);
    }

    /// <summary>The storage writes for one site's grains while <paramref name="action"/> runs.</summary>
    private async Task<List<StorageWrite>> WritesOf(string siteId, Func<Task> action)
    {
        var before = fixture.Storage.Writes.Count;
        await action();
        // The site's and lanes' weeks of hours are stored beside the batch, not as part of acknowledging it.
        return [.. fixture.Storage.Writes.Skip(before)
            .Where(w => w.GrainId.Key.ToString()!.StartsWith(siteId, StringComparison.Ordinal) && w.StateName is not (HourArchiveState or LaneHourArchiveState))];
    }
}
