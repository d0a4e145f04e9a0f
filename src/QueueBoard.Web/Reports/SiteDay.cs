using System.Collections.Immutable;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Web.Reports;

/// <summary>What a site grain gives for one day of its reports: its set-up (for names), minutes and lanes' minutes open.</summary>
public sealed record SiteDay(string SiteId, SiteConfig? Config, ImmutableArray<HistoryPoint> Minutes, ImmutableArray<LaneHourOpen> LanesOpen);
