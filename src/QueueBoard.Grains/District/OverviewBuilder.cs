using System.Collections.Immutable;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Grains.District;

/// <summary>
/// Sums the sites' digests into the district overview, alerts ranked by what they cost people (person-minutes), then
/// by severity and age; acknowledged ones (someone is on them) after the rest.
/// </summary>
public static class OverviewBuilder
{
    /// <summary>A wall panel shows a few dozen alerts at most; beyond this the command centre has bigger problems.</summary>
    public const int MaximumAlerts = 200;

    public static Overview Build(IReadOnlyCollection<SiteDigest> sites, IReadOnlyDictionary<string, AlertAcknowledgement>? acknowledged = null) => new()
    {
        Sites = sites.Count,
        OpenSites = sites.Count(s => s.Summary.Open),
        OpenLanes = Counts.Sum(sites, s => s.Summary.OpenLanes),
        QueueLength = Counts.Sum(sites, s => s.Summary.QueueLength),
        ServedToday = Counts.Sum(sites, s => s.ServedToday),
        ThroughputPerMinute = Math.Round(sites.Sum(s => s.ThroughputPerMinute), 1, MidpointRounding.AwayFromZero),
        Alerts = sites.SelectMany(s => s.Alerts)
            .Select(a => acknowledged?.GetValueOrDefault(a.Id) is { } ack ? a with { AcknowledgedAt = ack.At } : a)
            .OrderBy(a => a.AcknowledgedAt is not null)
            .ThenByDescending(a => a.Impact)
            .ThenByDescending(a => a.Severity)
            .ThenBy(a => a.Since)
            .ThenBy(a => a.Id, StringComparer.Ordinal)
            .Take(MaximumAlerts)
            .ToImmutableArray(),
    };
}
