namespace QueueBoard.Web.Contracts;

/// <summary>
/// One site in a district file (<see cref="DistrictFile"/>): its id and the body <c>PUT /api/v1/sites/{siteId}</c>
/// takes, so that an exported district can be imported site by site as it stands.
/// </summary>
public sealed record DistrictFileSite(
    string Id,
    string Name,
    string? NameEn,
    string Area,
    double Latitude,
    double Longitude,
    IReadOnlyList<OpenSpanRequest> OpenHours,
    IReadOnlyList<LaneConfigRequest> Lanes,
    IReadOnlyList<OpenSpanRequest> Breaks);
