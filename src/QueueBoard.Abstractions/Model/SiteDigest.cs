using System.Collections.Immutable;

namespace QueueBoard.Abstractions.Model;

/// <summary>What a site grain tells the district grain: its board row plus the totals and alerts the overview sums.</summary>
[GenerateSerializer, Immutable]
public sealed record SiteDigest(
    [property: Id(0)] SiteSummary Summary,
    [property: Id(1)] int ServedToday,
    [property: Id(2)] double ThroughputPerMinute,
    [property: Id(3)] ImmutableArray<Alert> Alerts)
{
    /// <summary>Whether the overview or the board would look different; update times alone are no change.</summary>
    public bool LooksSameAs(SiteDigest? other) =>
        other is not null
        && Summary.LooksSameAs(other.Summary)
        && ServedToday == other.ServedToday
        && ThroughputPerMinute.Equals(other.ThroughputPerMinute)
        && Alerts.SequenceEqual(other.Alerts);
}
