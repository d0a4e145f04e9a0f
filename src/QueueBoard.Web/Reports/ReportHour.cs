namespace QueueBoard.Web.Reports;

/// <summary>One local hour of a <see cref="SiteDayReport"/>: its flows, its longest queue and posted waits, and the lane-minutes open.</summary>
public sealed record ReportHour(
    int Hour,
    int Arrived,
    int Served,
    int PeakQueue,
    double? MeanWaitMinutes,
    int? LongestWaitMinutes,
    int LaneMinutesOpen);
