using System.Collections.Immutable;
using Orleans.Concurrency;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Abstractions.Grains;

/// <summary>
/// The district (one per cluster, key 0): gathers every site's digest into the board and the overview and pushes both,
/// coalesced, at most once a second.
/// </summary>
public interface IDistrictGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Sites' latest digests, oldest first, as a node's sites sent them while its last call was under way; registers a site on
    /// first sight.
    /// </summary>
    Task Publish(ImmutableArray<SiteDigest> digests);

    /// <summary>
    /// Every site's row, in the order the district numbered them (the packed feed names rows by that number);
    /// <see cref="BoardPage.Rows"/> is default when <paramref name="knownVersion"/> is current.
    /// </summary>
    /// <remarks>Reads interleave with everything: they never wait behind a site's publish or a push.</remarks>
    [AlwaysInterleave]
    Task<BoardPage> GetBoard(string? knownVersion);

    /// <summary>
    /// The rows that changed after <paramref name="knownVersion"/> (a <see cref="BoardPage.Version"/> or a push's), with
    /// the fields that did. A version this activation did not give out gets every field of every row (as changed rows);
    /// none gets the whole board.
    /// </summary>
    [AlwaysInterleave]
    Task<BoardDelta> GetBoardSince(string? knownVersion);

    /// <summary>Every configured site's id; <see cref="SiteIdSet.Ids"/> is empty when <paramref name="knownCount"/> is current.</summary>
    [AlwaysInterleave]
    Task<SiteIdSet> GetSiteIds(int knownCount);

    /// <summary>A board or overview push did not reach its watchers: push these rows (and the overview) again.</summary>
    [OneWay]
    Task PushAgain(ImmutableArray<string> siteIds, bool overview);

    /// <summary>
    /// Marks an alert raised now as acknowledged for every screen; false when no such alert is raised (it may have cleared).
    /// </summary>
    Task<bool> Acknowledge(string alertId);

    /// <summary>The district totals and alerts.</summary>
    [AlwaysInterleave]
    Task<Overview> GetOverview();
}
