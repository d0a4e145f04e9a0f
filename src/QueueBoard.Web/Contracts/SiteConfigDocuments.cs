using System.Collections.Immutable;
using System.Globalization;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Web.Contracts;

/// <summary>Turns a stored site configuration back into the body it was set with: local times as <c>HH:mm</c>.</summary>
public static class SiteConfigDocuments
{
    public static DistrictFileSite ToFileSite(string siteId, SiteConfig config) => new(
        siteId,
        config.Name,
        config.NameEn,
        config.Area,
        config.Latitude,
        config.Longitude,
        Spans(config.OpenHours),
        [.. config.Lanes.Select(l => new LaneConfigRequest(l.Id, l.Name, l.Kind == LaneKind.Green ? "green" : "standard", Spans(l.Breaks)))],
        Spans(config.Breaks));

    private static List<OpenSpanRequest> Spans(ImmutableArray<OpenSpan> spans) =>
        spans.IsDefaultOrEmpty ? [] : [.. spans.Select(s => new OpenSpanRequest(Time(s.FromMinute), Time(s.ToMinute)))];

    private static string Time(int minute) => string.Create(CultureInfo.InvariantCulture, $"{minute / 60:00}:{minute % 60:00}");
}
