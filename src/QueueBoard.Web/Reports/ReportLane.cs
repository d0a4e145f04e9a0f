using QueueBoard.Abstractions.Model;

namespace QueueBoard.Web.Reports;

/// <summary>A lane in a <see cref="SiteDayReport"/>: how many minutes of the day its lead had it open.</summary>
public sealed record ReportLane(string Id, string Name, LaneKind Kind, int MinutesOpen);
