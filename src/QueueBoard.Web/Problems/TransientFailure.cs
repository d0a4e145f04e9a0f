using Orleans.Persistence.Redis;
using StackExchange.Redis;

namespace QueueBoard.Web.Problems;

/// <summary>
/// Tells a failure of the cluster or its storage (a node gone, Redis unreachable, a call timed out), which a client should
/// simply retry, from a bug. The exception handler answers the first with 503 and <c>Retry-After</c>.
/// </summary>
public static class TransientFailure
{
    public static bool Is(Exception exception) => exception switch
    {
        OrleansException or TimeoutException or RedisException or RedisStorageException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(Is),
        _ => exception.InnerException is { } inner && Is(inner),
    };
}
