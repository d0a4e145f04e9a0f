using System.Collections.Immutable;
using Microsoft.AspNetCore.SignalR;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Publishing;

namespace QueueBoard.Web.Hubs;

/// <summary>The grains' <see cref="IQueuePublisher"/>, implemented with the hub context: each push goes to its watchers' group.</summary>
public sealed class HubQueuePublisher(IHubContext<QueueHub, IQueueClient> hub) : IQueuePublisher
{
    public Task SiteChanged(SiteDetail site) => hub.Clients.Group(HubGroups.Site(site.Id)).SiteUpdated(site);

    public Task BoardChanged(ImmutableArray<SiteSummary> rows) => hub.Clients.Group(HubGroups.Board).BoardUpdated(rows);

    public Task OverviewChanged(Overview overview) => hub.Clients.Group(HubGroups.Overview).OverviewUpdated(overview);
}
