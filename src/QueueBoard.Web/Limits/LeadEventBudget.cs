using System.Threading.RateLimiting;
using QueueBoard.Web.Auth;

namespace QueueBoard.Web.Limits;

/// <summary>
/// Events one lead code may send, on top of its writes per second: one post may carry a thousand events, and the site keeps
/// every accepted id for 24 hours, so it is events, not requests, that bound what one code can make a node hold. Checked on
/// the event path after the batch is found valid and before anything is applied; the command centre's token is not
/// counted, and nothing is when request rates are switched off.
/// </summary>
public sealed class LeadEventBudget(RequestLimitOptions limits, bool enabled)
{
    // One bucket per lead code that signed in, so as many as the codes issued; idle ones are dropped by the limiter.
    private readonly PartitionedRateLimiter<string> _codes = TokenBuckets.ByKey(limits.LeadEventsPerSecond, limits.LeadEventBurst);

    /// <summary>How long the lead should wait before sending these <paramref name="events"/> again; null when they may go now.</summary>
    public TimeSpan? Refuses(HttpContext context, int events)
    {
        if (!enabled || events <= 0 || !context.User.IsInRole(QueueBoardClaims.LeadRole) || LeadCodes.IdOfBearer(context) is not { } id)
        {
            return null;
        }

        using var lease = _codes.AttemptAcquire(id, Math.Min(events, limits.LeadEventBurst));
        return lease.IsAcquired ? null
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait
            : TimeSpan.FromSeconds(1);
    }
}
