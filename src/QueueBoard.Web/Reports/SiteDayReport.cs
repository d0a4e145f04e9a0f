using System.Collections.Immutable;
using System.Text.Json.Serialization;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Web.Reports;

/// <summary>
/// A day of one site, or of the whole district, as the reports tell it (<see cref="DayReportBuilder"/>): the day's totals,
/// its hours (left out of the JSON summary for single sites, which would otherwise run to megabytes for a large district)
/// and each lane's minutes open.
/// </summary>
public sealed record SiteDayReport(
    string Id,
    string Name,
    string? NameEn,
    int Arrived,
    int Served,
    int PeakQueue,
    double? MeanWaitMinutes,
    int? LongestWaitMinutes,
    int LaneMinutesOpen,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ImmutableArray<ReportHour>? Hours,
    ImmutableArray<ReportLane> Lanes)
{
    /// <summary>Each lane's minutes open hour by hour (local hour), for the CSV; the JSON summary gives only the day's.</summary>
    [JsonIgnore]
    public ImmutableArray<LaneHourOpen> LaneHours { get; init; } = [];
}
