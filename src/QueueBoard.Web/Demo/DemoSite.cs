using QueueBoard.Web.Contracts;

namespace QueueBoard.Web.Demo;

/// <summary>One site of the demo district file: the admin API's site body plus its id.</summary>
public sealed record DemoSite(
    string Id,
    string? Name,
    string? NameEn,
    string? Area,
    double? Latitude,
    double? Longitude,
    IReadOnlyList<OpenSpanRequest?>? OpenHours,
    IReadOnlyList<LaneConfigRequest?>? Lanes)
{
    public SiteConfigRequest ToRequest() => new(Name, Area, Latitude, Longitude, Lanes, NameEn, OpenHours);
}
