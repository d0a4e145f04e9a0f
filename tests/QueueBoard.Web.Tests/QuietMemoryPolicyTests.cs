using QueueBoard.Web.Memory;

namespace QueueBoard.Web.Tests;

/// <summary>
/// When a node gives its memory back: once quiet after a busy spell that grew it, once per such spell. Readings are fed
/// as <see cref="QuietMemoryReturn"/> takes them, a half minute apart, from a node that started at 300 MB.
/// </summary>
public sealed class QuietMemoryPolicyTests
{
    private const long Mb = 1L << 20;
    private const long Started = 300 * Mb;
    private const long Grown = 1800 * Mb;

    private long _allocated;
    private readonly QuietMemoryPolicy _policy = new();

    public QuietMemoryPolicyTests() => Assert.False(_policy.ShouldReturn(0, Started));

    private bool Busy(long committed = Grown) => Read(500 * Mb, committed);

    private bool Quiet(long committed = Grown) => Read(2 * Mb, committed);

    private bool Read(long allocatedSinceLast, long committed)
    {
        _allocated += allocatedSinceLast;
        return _policy.ShouldReturn(_allocated, committed);
    }

    private void BusySpell()
    {
        for (var i = 0; i < 4; i++)
        {
            Assert.False(Busy());
        }
    }

    [Fact]
    public void A_busy_spell_then_a_minute_of_quiet_gives_memory_back_once()
    {
        BusySpell();
        Assert.False(Quiet());
        Assert.True(Quiet());
        _policy.Returned(800 * Mb);
        for (var i = 0; i < 20; i++)
        {
            Assert.False(Quiet(900 * Mb));
        }
    }

    [Fact]
    public void Half_a_minute_of_quiet_is_not_enough()
    {
        BusySpell();
        Assert.False(Quiet());
        Assert.False(Busy());
        Assert.False(Quiet());
        Assert.True(Quiet());
    }

    [Fact]
    public void A_node_that_was_never_busy_is_left_alone()
    {
        for (var i = 0; i < 100; i++)
        {
            Assert.False(Quiet());
        }
    }

    [Fact]
    public void A_busy_spell_that_grows_the_node_less_than_256_MB_is_not_worth_another_collection()
    {
        BusySpell();
        Assert.False(Quiet());
        Assert.True(Quiet());
        _policy.Returned(700 * Mb);

        // An evening between peaks: busy, but the node stays within 200 MB of what it held after the return.
        for (var i = 0; i < 20; i++)
        {
            Assert.False(Busy(900 * Mb));
        }

        for (var i = 0; i < 20; i++)
        {
            Assert.False(Quiet(900 * Mb));
        }

        // The next peak grows it again.
        BusySpell();
        Assert.False(Quiet());
        Assert.True(Quiet());
    }

    [Fact]
    public void Each_new_busy_spell_that_grows_the_node_earns_one_more_return()
    {
        for (var spell = 0; spell < 3; spell++)
        {
            BusySpell();
            Assert.False(Quiet());
            Assert.True(Quiet(), $"spell {spell}");
            _policy.Returned(800 * Mb);
            Assert.False(Quiet(800 * Mb));
        }
    }

    [Fact]
    public void A_quiet_node_growing_slowly_is_given_one_return_once_it_has_allocated_a_gigabyte()
    {
        // 60 MB a half minute is quiet; after eighteen readings the node has allocated a gigabyte since it started.
        var returned = Enumerable.Range(0, 30).Select(_ => Read(60 * Mb, Grown)).ToList();
        Assert.Equal(1, returned.Count(r => r));
        Assert.Equal(17, returned.IndexOf(true));
    }
}
