using System.Threading.RateLimiting;

namespace QueueBoard.Web.Limits;

/// <summary>
/// The one shape of every QueueBoard rate limit, requests and hub calls and lead events alike: a token bucket refilled each
/// second, nothing queued, so an over-limit caller is told at once how long to wait.
/// </summary>
public static class TokenBuckets
{
    public static TokenBucketRateLimiterOptions Options(int perSecond, int burst) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>One bucket per key; buckets that filled up again while idle are dropped by the limiter.</summary>
    public static PartitionedRateLimiter<string> ByKey(int perSecond, int burst) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => Options(perSecond, burst)));
}
