namespace QueueBoard.Web.Contracts;

/// <summary>
/// The whole district as one JSON file, in the format of the demo district (<c>Demo/pengjiang.json</c>): what the admin
/// pages export with <c>GET /api/v1/district.json</c> and import site by site.
/// </summary>
public sealed record DistrictFile(IReadOnlyList<DistrictFileSite> Sites);
