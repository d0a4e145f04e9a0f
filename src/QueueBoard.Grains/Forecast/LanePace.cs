using System.Collections.Immutable;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Grains.Forecast;

/// <summary>A lane as the forecast sees it: how many it serves a minute when working, and when it plans to stop.</summary>
public sealed record LanePace(double PerMinute, ImmutableArray<OpenSpan> Breaks);
