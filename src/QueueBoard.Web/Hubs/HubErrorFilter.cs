using Microsoft.AspNetCore.SignalR;
using QueueBoard.Web.Problems;

namespace QueueBoard.Web.Hubs;

/// <summary>
/// Logs what goes wrong inside a hub method, once and at the right size. A refusal (<see cref="HubException"/>) is the
/// caller's mistake, already logged briefly and sampled by the hub; a cluster or storage failure is one warning line; only
/// a real fault gets its stack trace. SignalR's own log of every failed call, a stack trace for each refused watch, is
/// switched off where the host is configured.
/// </summary>
public sealed class HubErrorFilter(ILogger<HubErrorFilter> logger) : IHubFilter
{
    /// <summary>The category of SignalR's per-call error log, which this filter replaces.</summary>
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (Exception ex) when (ex is not HubException)
        {
            if (TransientFailure.Is(ex))
            {
                logger.LogWarning("Hub {Method} failed: {Error}", invocationContext.HubMethodName, ex.GetBaseException().Message);
            }
            else
            {
                logger.LogError(ex, "Hub {Method} failed", invocationContext.HubMethodName);
            }

            throw;
        }
    }
}
