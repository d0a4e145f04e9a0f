using System.Threading.RateLimiting;

namespace QueueBoard.Web.Limits;

/// <summary>
/// Hub calls one client address may make across all its connections (<see cref="HubCallLimitFilter"/> checks it after the
/// connection's own budget): an address may hold thousands of connections, and without this each would bring its own ten
/// calls a second of watches, every one a snapshot built by a site or the district.
/// </summary>
public sealed class HubAddressBudget(RequestLimitOptions limits)
{
    // Buckets of addresses that went quiet are dropped, so calls from many addresses leave nothing behind.
    private readonly PartitionedRateLimiter<string> _addresses = TokenBuckets.ByKey(limits.HubCallsPerAddressPerSecond, limits.HubCallAddressBurst);

    public bool TrySpend(string addressKey)
    {
        using var lease = _addresses.AttemptAcquire(addressKey);
        return lease.IsAcquired;
    }
}
