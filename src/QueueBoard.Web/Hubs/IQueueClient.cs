using System.Collections.Immutable;
using Microsoft.AspNetCore.SignalR;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Web.Hubs;

/// <summary>
/// What the server pushes to screens over <c>/hubs/queue</c>. The wire names are the contract's, exactly: the JavaScript
/// client matches them in any case, but the .NET client matches them as written.
/// </summary>
public interface IQueueClient
{
    [HubMethodName("siteUpdated")]
    Task SiteUpdated(SiteDetail site);

    [HubMethodName("boardUpdated")]
    Task BoardUpdated(ImmutableArray<SiteSummary> sites);

    /// <summary>Changed board rows in the compact form phones watch (<see cref="BoardChanges"/>).</summary>
    [HubMethodName("boardChanged")]
    Task BoardChanged(BoardChanges changes);

    [HubMethodName("overviewUpdated")]
    Task OverviewUpdated(Overview overview);
}
