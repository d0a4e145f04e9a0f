using System.Collections.Immutable;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Abstractions.Grains;

/// <summary>
/// The district (one per cluster, key 0): gathers every site's digest into the board and the overview and pushes both,
/// coalesced, at most once a second.
/// </summary>
public interface IDistrictGrain : IGrainWithIntegerKey
{
    /// <summary>A site's latest digest; registers the site on first sight.</summary>
    Task Publish(SiteDigest digest);

    /// <summary>Every site's row; <see cref="BoardPage.Rows"/> is default when <paramref name="knownVersion"/> is current.</summary>
    Task<BoardPage> GetBoard(string? knownVersion);

    /// <summary>The district totals and alerts.</summary>
    Task<Overview> GetOverview();

    /// <summary>The ids of every site, sorted.</summary>
    Task<ImmutableArray<string>> GetSiteIds();
}
