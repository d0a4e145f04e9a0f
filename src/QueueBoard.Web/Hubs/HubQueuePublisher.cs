using System.Collections.Immutable;
using Microsoft.AspNetCore.SignalR;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Publishing;

namespace QueueBoard.Web.Hubs;

/// <summary>
/// The grains' <see cref="IQueuePublisher"/>, implemented with the hub context: each push goes to its watchers' group.
/// A group send waits while any one watcher's connection is backed up, so pushes are started here and not awaited: one
/// stalled phone must never hold up a grain (and with it every event of that site or the whole board). Sites carry a
/// version, so a watcher can tell a late copy from a newer one.
/// </summary>
public sealed class HubQueuePublisher(IHubContext<QueueHub, IQueueClient> hub, ILogger<HubQueuePublisher> logger) : IQueuePublisher
{
    public Task SiteChanged(SiteDetail site) => Start(hub.Clients.Group(HubGroups.Site(site.Id)).SiteUpdated(site));

    public Task BoardChanged(ImmutableArray<SiteSummary> rows) => Start(hub.Clients.Group(HubGroups.Board).BoardUpdated(rows));

    public Task OverviewChanged(Overview overview) => Start(hub.Clients.Group(HubGroups.Overview).OverviewUpdated(overview));

    private Task Start(Task send)
    {
        if (!send.IsCompleted)
        {
            _ = send.ContinueWith(
                failed => logger.LogWarning(failed.Exception, "A push to watchers failed"),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
        else if (send.IsFaulted)
        {
            logger.LogWarning(send.Exception, "A push to watchers failed");
        }

        return Task.CompletedTask;
    }
}
