using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using QueueBoard.Web.Options;

namespace QueueBoard.Web.Limits;

/// <summary>
/// The hub's counterpart of the request rate limits: each connection may make <see cref="RequestLimitOptions.HubCallsPerSecond"/>
/// calls a second (bursts of <see cref="RequestLimitOptions.HubCallBurst"/>), and each client address its
/// <see cref="HubAddressBudget"/> over all its connections, so that no client can loop on a watch whose
/// answer (the whole board) is far larger than the call. Off with <c>QueueBoard:RateLimits=false</c>, like the others.
/// </summary>
public sealed class HubCallLimitFilter(
    IOptions<RequestLimitOptions> limits,
    IOptions<QueueBoardOptions> options,
    HubAddressBudget addresses,
    RefusalLog refusals,
    TimeProvider time) : IHubFilter
{
    private const string BudgetKey = "queueboard:call-budget";

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (options.Value.RateLimits && !Budget(invocationContext.Context).TrySpend())
        {
            refusals.Refused("hub call rate", $"{invocationContext.HubMethodName} on {invocationContext.Context.ConnectionId}");
            throw new HubException("Too many calls on this connection. Wait a moment and call again.");
        }

        if (options.Value.RateLimits && invocationContext.Context.GetHttpContext() is { } http && !addresses.TrySpend(ClientAddress.LimitKey(http)))
        {
            refusals.Refused("hub address call rate", $"{invocationContext.HubMethodName} from {ClientAddress.Of(http)}");
            throw new HubException("Too many calls from this network. Wait a moment and call again.");
        }

        return next(invocationContext);
    }

    private CallBudget Budget(HubCallerContext context)
    {
        if (context.Items.TryGetValue(BudgetKey, out var budget))
        {
            return (CallBudget)budget!;
        }

        var created = new CallBudget(limits.Value.HubCallsPerSecond, limits.Value.HubCallBurst, time);
        context.Items[BudgetKey] = created;
        return created;
    }
}
