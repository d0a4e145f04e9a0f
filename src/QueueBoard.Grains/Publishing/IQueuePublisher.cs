using System.Collections.Immutable;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Grains.Publishing;

/// <summary>
/// Where grains send what watchers should see. The grains know nothing of ASP.NET: the web host implements this with
/// its SignalR hub context, so dependencies run Web → Grains → Abstractions and never back.
/// </summary>
public interface IQueuePublisher
{
    /// <summary>A site's picture changed.</summary>
    Task SiteChanged(SiteDetail site);

    /// <summary>
    /// These board rows changed. <paramref name="movedFields"/> holds, at the same index, the bits of the row's
    /// <see cref="BoardRowFields"/> that changed since the district last pushed it (all of them when it has not), so a
    /// feed may send only those.
    /// </summary>
    Task BoardChanged(ImmutableArray<SiteSummary> rows, ImmutableArray<int> movedFields);

    /// <summary>The district overview changed.</summary>
    Task OverviewChanged(Overview overview);
}
