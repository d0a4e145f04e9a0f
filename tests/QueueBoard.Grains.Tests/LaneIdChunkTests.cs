using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Lanes;

namespace QueueBoard.Grains.Tests;

/// <summary>A lane's moved-aside ids, packed: every id comes back, the run's time is its newest, and old runs still read.</summary>
public sealed class LaneIdChunkTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 29, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_packed_run_gives_back_every_id_in_order_under_its_newest_time()
    {
        var ids = Enumerable.Range(0, 32).Select(i => new SeenEvent(Guid.NewGuid(), Noon.AddSeconds(i))).ToList();

        var chunk = LaneIdChunk.Pack(ids);

        Assert.Equal(ids.Select(s => s.Id), chunk.Seen().Select(s => s.Id));
        Assert.All(chunk.Seen(), s => Assert.Equal(Noon.AddSeconds(31), s.AcceptedAt));
        Assert.Equal(Noon.AddSeconds(31), chunk.NewestAcceptedAt);
        Assert.Equal(32 * 16, chunk.Packed.Length);
        Assert.Empty(chunk.Ids);
    }

    [Fact]
    public void A_run_stored_before_packing_still_reads_with_its_own_times()
    {
        var ids = new List<SeenEvent> { new(Guid.NewGuid(), Noon), new(Guid.NewGuid(), Noon.AddMinutes(1)) };

        // Read back without the packed field at all, as a run stored before it existed may be.
        var chunk = new LaneIdChunk { Ids = ids, Packed = null! };

        Assert.Equal(ids, chunk.Seen());
        Assert.Equal(Noon.AddMinutes(1), chunk.NewestAcceptedAt);
        Assert.All(new[] { new LaneIdChunk(), new LaneIdChunk { Ids = null!, Packed = null! } }, empty =>
        {
            Assert.Empty(empty.Seen());
            Assert.Equal(DateTimeOffset.MinValue, empty.NewestAcceptedAt);
        });

        var packed = LaneIdChunk.Pack(ids);
        packed.Ids = null!;
        Assert.Equal(ids.Select(s => s.Id), packed.Seen().Select(s => s.Id));
    }

    [Fact]
    public void A_run_stored_before_packing_comes_back_through_the_serializer()
    {
        var serializer = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(LaneIdChunk).Assembly)).BuildServiceProvider().GetRequiredService<Serializer>();
        var ids = new List<SeenEvent> { new(Guid.NewGuid(), Noon), new(Guid.NewGuid(), Noon.AddMinutes(1)) };

        var read = serializer.Deserialize<LaneIdChunk>(serializer.SerializeToArray(new LaneIdChunk { Ids = ids, Packed = null! }))!;
        var packed = serializer.Deserialize<LaneIdChunk>(serializer.SerializeToArray(LaneIdChunk.Pack(ids)))!;

        Assert.Equal(ids, read.Seen());
        Assert.Equal(ids.Select(s => s.Id), packed.Seen().Select(s => s.Id));
        Assert.Equal(Noon.AddMinutes(1), packed.NewestAcceptedAt);
    }
}
