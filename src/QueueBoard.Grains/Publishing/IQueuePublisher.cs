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
    /// These board rows changed. <paramref name="pushedBefore"/> holds, at the same index, each site's row as this
    /// district activation last pushed it, or null when it has not (or a push of it failed), so a feed may send only
    /// the fields that moved.
    /// </summary>
    Task BoardChanged(ImmutableArray<SiteSummary> rows, ImmutableArray<SiteSummary?> pushedBefore);

    /// <summary>The district overview changed.</summary>
    Task OverviewChanged(Overview overview);
}
