using System.Collections.Immutable;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Web.Hubs;

/// <summary>What the server pushes to screens over <c>/hubs/queue</c>; method names are the contract's message names.</summary>
public interface IQueueClient
{
    Task SiteUpdated(SiteDetail site);

    Task BoardUpdated(ImmutableArray<SiteSummary> sites);

    Task OverviewUpdated(Overview overview);
}
