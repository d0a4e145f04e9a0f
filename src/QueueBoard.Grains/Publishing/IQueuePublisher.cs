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
    /// These board rows changed since the district's last push to the watchers of <paramref name="shards"/> (groups of
    /// <see cref="BoardShards"/>), each with the bits of its <see cref="BoardRowFields"/> that did (all of them for a row
    /// this activation has not pushed, or whose push failed), so a feed may send only those;
    /// <see cref="BoardDelta.Version"/> is the board's version after them. On a single node the push should be written to
    /// its watchers before the returned task completes: the district spreads the groups over its window by how long that
    /// takes.
    /// </summary>
    Task BoardChanged(BoardDelta changes, IReadOnlyList<int> shards);

    /// <summary>The district overview changed.</summary>
    Task OverviewChanged(Overview overview);

    /// <summary>
    /// The district's activation on this node ended (a failed write, a node stopping): what this node reported of the
    /// board, such as its per-site metrics, is no longer its to report. The next activation, here or on another node,
    /// pushes every row again.
    /// </summary>
    Task BoardReleased();
}
