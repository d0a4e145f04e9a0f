using Microsoft.AspNetCore.SignalR;
using QueueBoard.Abstractions.Grains;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Publishing;
using QueueBoard.Web.Telemetry;

namespace QueueBoard.Web.Hubs;

/// <summary>
/// The grains' <see cref="IQueuePublisher"/>, implemented with the hub context: each push goes to its watchers' group
/// (on every node, through the Redis backplane in cluster mode). A group send waits while any one watcher's connection is
/// backed up, so pushes are started here and not awaited: one stalled phone must never hold up a grain. A push that fails
/// (Redis unreachable) is handed back to its grain to be pushed again, since watchers whose connections stayed open would
/// otherwise keep the lost picture until the next change. Sites carry a version, so a watcher can tell a late copy from a
/// newer one.
/// </summary>
public sealed class HubQueuePublisher(
    IHubContext<QueueHub, IQueueClient> hub,
    IGrainFactory grains,
    QueueBoardMetrics metrics,
    TimeProvider time,
    ILogger<HubQueuePublisher> logger)
    : IQueuePublisher
{
    /// <summary>Failed pushes are logged at most this often; a Redis outage fails every push of every site.</summary>
    public static readonly TimeSpan FailureLogInterval = TimeSpan.FromSeconds(10);

    private long _lastFailureLoggedTicks;

    public Task SiteChanged(SiteDetail site) =>
        Start(hub.Clients.Group(HubGroups.Site(site.Id)).SiteUpdated(site), () => grains.GetGrain<ISiteGrain>(site.Id).PushAgain(), "site");

    public Task BoardChanged(BoardDelta changes, IReadOnlyList<int> shards)
    {
        metrics.SitesChanged(changes.Rows);
        Task PushAgain() => grains.GetGrain<IDistrictGrain>(0).PushAgain([.. changes.Rows.Select(r => r.Id)], false);
        IReadOnlyList<string> Groups(Func<int, string> name) => [.. shards.Select(name)];

        // One message for all the groups: it is made once, however many groups it goes to.
        Start(hub.Clients.Groups(Groups(HubGroups.BoardPacked)).BoardChanged(BoardChanges.Of(changes, packed: true).AsPackedPush()), PushAgain, "board_packed");

        // Pages loaded before the packed form, and clients written to the older one, keep the form they asked for.
        Start(hub.Clients.Groups(Groups(HubGroups.BoardCompact)).BoardChanged(BoardChanges.Of(changes)), PushAgain, "board_compact");
        return Start(hub.Clients.Groups(Groups(HubGroups.Board)).BoardUpdated(changes.Rows), PushAgain, "board");
    }

    public Task OverviewChanged(Overview overview) =>
        Start(hub.Clients.Group(HubGroups.Overview).OverviewUpdated(overview), () => grains.GetGrain<IDistrictGrain>(0).PushAgain([], true), "overview");

    public Task BoardReleased()
    {
        metrics.SitesReleased();
        return Task.CompletedTask;
    }

    private Task Start(Task send, Func<Task> pushAgain, string kind)
    {
        metrics.Pushed(kind);
        if (send.IsCompleted)
        {
            Observe(send, pushAgain);
        }
        else
        {
            _ = send.ContinueWith(
                done => Observe(done, pushAgain),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        return Task.CompletedTask;
    }

    private void Observe(Task send, Func<Task> pushAgain)
    {
        if (!send.IsFaulted)
        {
            return;
        }

        var now = time.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _lastFailureLoggedTicks);
        if (now - last >= FailureLogInterval.Ticks && Interlocked.CompareExchange(ref _lastFailureLoggedTicks, now, last) == last)
        {
            logger.LogWarning("A push to watchers failed ({Error}); it is pushed again", send.Exception!.GetBaseException().Message);
        }

        try
        {
            _ = pushAgain();
        }
        catch (Exception ex) when (ex is OrleansException or InvalidOperationException)
        {
            // The silo is shutting down; nothing left to push to.
        }
    }
}
