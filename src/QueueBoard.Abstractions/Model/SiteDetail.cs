using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace QueueBoard.Abstractions.Model;

/// <summary>
/// A site with its lanes: built by the site grain, served by <c>GET /api/v1/sites/{siteId}</c> and pushed as
/// <c>siteUpdated</c>, summary fields first. <see cref="Version"/> rises with every pushed change, so a client can drop a stale copy.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SiteDetail : SiteSummary
{
    public SiteDetail()
    {
    }

    [SetsRequiredMembers]
    public SiteDetail(SiteSummary summary, ImmutableArray<LaneView> lanes, int servedToday, double throughputPerMinute)
        : base(summary)
    {
        Lanes = lanes;
        ServedToday = servedToday;
        ThroughputPerMinute = throughputPerMinute;
    }

    [JsonPropertyOrder(1)]
    [Id(0)] public required ImmutableArray<LaneView> Lanes { get; init; }
    [JsonPropertyOrder(1)]
    [Id(1)] public required int ServedToday { get; init; }
    [JsonPropertyOrder(1)]
    [Id(2)] public required double ThroughputPerMinute { get; init; }
    [JsonPropertyOrder(1)]
    [Id(3)] public long Version { get; init; }

    /// <summary>How right today's posted waits here have been; null until enough people have been measured.</summary>
    [JsonPropertyOrder(1)]
    [Id(4)] public EstimateAccuracy? Accuracy { get; init; }

    /// <summary>The board row for this site, without the lanes.</summary>
    public SiteSummary ToSummary() => new()
    {
        Id = Id, Name = Name, NameEn = NameEn, Area = Area, Latitude = Latitude, Longitude = Longitude,
        Open = Open, QueueLength = QueueLength, WaitMinutes = WaitMinutes, WaitBand = WaitBand,
        WaitMinutesLow = WaitMinutesLow, WaitMinutesHigh = WaitMinutesHigh,
        GreenLaneOpen = GreenLaneOpen, GreenWaitMinutes = GreenWaitMinutes,
        GreenWaitMinutesLow = GreenWaitMinutesLow, GreenWaitMinutesHigh = GreenWaitMinutesHigh, OpenLanes = OpenLanes,
        TotalLanes = TotalLanes, UpdatedAt = UpdatedAt, WithinHours = WithinHours, NextOpening = NextOpening, Stale = Stale,
    };

    /// <summary>Whether a watcher would see a difference; versions and update times alone are none.</summary>
    public bool LooksSameAs(SiteDetail? other) =>
        other is not null
        && base.LooksSameAs(other)
        && ServedToday == other.ServedToday
        && ThroughputPerMinute.Equals(other.ThroughputPerMinute)
        && Accuracy == other.Accuracy
        && Lanes.Length == other.Lanes.Length
        && Lanes.Zip(other.Lanes).All(pair => pair.First with { UpdatedAt = default } == pair.Second with { UpdatedAt = default });
}
