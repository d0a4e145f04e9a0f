namespace QueueBoard.Web.Memory;

/// <summary>
/// Decides, from readings <see cref="QuietMemoryReturn"/> takes every <see cref="Every"/>, when a node that has gone quiet
/// after a busy spell should give back the memory it grew into. The collector runs only as the node allocates, so a node
/// whose crowd has left (twenty thousand phones at a district's peak) kept its grown heap and the garbage of its last
/// seconds, 1.7-1.9 GB, until its next busy spell.
/// </summary>
/// <remarks>
/// A return is due when the node has been quiet for <see cref="QuietChecks"/> readings in a row (it allocated less than
/// <see cref="QuietAllocationBytes"/> in each, about 2 MB a second: a busy node allocates 60-350), when it allocated at
/// least <see cref="BusyBytes"/> since the last return, and when the collector's committed memory has grown by at least
/// <see cref="WorthBytes"/> over the least it held since then. So a quiet night with a little traffic is not collected
/// again and again: only a spell that grew the node earns a return.
/// </remarks>
public sealed class QuietMemoryPolicy
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(30);
    public const long QuietAllocationBytes = 64L << 20;
    public const int QuietChecks = 2;
    public const long BusyBytes = 1L << 30;
    public const long WorthBytes = 256L << 20;

    private long? _lastAllocated;
    private int _quietChecks;
    private long _allocatedAtLastReturn;
    private long _leastCommitted = long.MaxValue;

    /// <summary>
    /// Takes one reading: <paramref name="totalAllocated"/> as <see cref="GC.GetTotalAllocatedBytes"/> gives it, and
    /// <paramref name="committed"/> the collector's committed memory. True when the memory is to be given back now.
    /// </summary>
    public bool ShouldReturn(long totalAllocated, long committed)
    {
        var quiet = _lastAllocated is { } last && totalAllocated - last < QuietAllocationBytes;
        _lastAllocated = totalAllocated;
        _quietChecks = quiet ? _quietChecks + 1 : 0;
        _leastCommitted = Math.Min(_leastCommitted, committed);
        if (_quietChecks < QuietChecks || totalAllocated - _allocatedAtLastReturn < BusyBytes || committed - _leastCommitted < WorthBytes)
        {
            return false;
        }

        _allocatedAtLastReturn = totalAllocated;
        _quietChecks = 0;
        return true;
    }

    /// <summary>What the collector held right after a return: growth is counted from there.</summary>
    public void Returned(long committed) => _leastCommitted = committed;
}
