using QueueBoard.Grains.Sites;

namespace QueueBoard.Grains.Tests;

/// <summary>
/// The compact id set under the duplicate check answers exactly as a hash set and a queue would, through a day's worth of
/// ids coming and going, across index growth, shrinking and block boundaries.
/// </summary>
public sealed class OrderedIdSetTests
{
    [Theory]
    [InlineData(int.MaxValue - 1)]
    [InlineData(1_000)]
    public void Answers_as_a_hash_set_and_a_queue_would(long rebaseAfter)
    {
        var random = new Random(7);
        var set = new OrderedIdSet(rebaseAfter);
        var held = new HashSet<Guid>();
        var order = new Queue<Guid>();
        var gone = new List<Guid>();

        // Waves of arrivals and expiries, the set growing past several blocks and emptying again.
        for (var wave = 0; wave < 6; wave++)
        {
            var adds = random.Next(1, 12_000);
            for (var i = 0; i < adds; i++)
            {
                var id = i % 50 == 0 && order.Count > 0 ? order.Peek() : Guid.NewGuid();
                Assert.Equal(held.Add(id), set.Add(id));
                if (order.Count < held.Count)
                {
                    order.Enqueue(id);
                }
            }

            var removes = wave == 3 ? order.Count : random.Next(0, order.Count + 1);
            for (var i = 0; i < removes; i++)
            {
                var oldest = order.Dequeue();
                Assert.Equal(oldest, set.RemoveOldest());
                held.Remove(oldest);
                gone.Add(oldest);
            }

            set.TrimExcess();
            Assert.Equal(held.Count, set.Count);
            Assert.All(order.Take(500).Concat(order.TakeLast(500)), id => Assert.True(set.Contains(id)));
            Assert.All(gone.TakeLast(1_000), id => Assert.Equal(held.Contains(id), set.Contains(id)));
            Assert.False(set.Contains(Guid.NewGuid()));
        }

        while (order.Count > 0)
        {
            Assert.Equal(order.Dequeue(), set.RemoveOldest());
        }

        Assert.Equal(0, set.Count);
        Assert.Throws<InvalidOperationException>(() => set.RemoveOldest());
    }

    [Fact]
    public void Ids_that_share_an_index_run_stay_findable_when_one_before_them_goes()
    {
        // Enough ids in a small index that probe runs form and wrap around its end.
        var set = new OrderedIdSet();
        var ids = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).ToList();
        ids.ForEach(id => set.Add(id));

        for (var i = 0; i < ids.Count; i++)
        {
            set.RemoveOldest();
            Assert.All(ids.Skip(i + 1), id => Assert.True(set.Contains(id)));
            Assert.All(ids.Take(i + 1), id => Assert.False(set.Contains(id)));
        }
    }
}
