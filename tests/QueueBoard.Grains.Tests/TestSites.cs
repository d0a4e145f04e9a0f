using System.Collections.Immutable;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Grains.Tests;

/// <summary>Site configurations and events for grain tests.</summary>
public static class TestSites
{
    public static string NewId() => $"site-{Guid.NewGuid():N}"[..20];

    public static SiteConfig WithLanes(params (string Id, LaneKind Kind)[] lanes) => new(
        "测试采样点",
        "Test site",
        "环市街道",
        22.59,
        113.08,
        [OpenSpan.AllDay],
        [.. lanes.Select(l => new LaneConfig(l.Id, $"{l.Id}号通道", l.Kind))]);

    public static SiteConfig Standard(params string[] laneIds) =>
        WithLanes([.. laneIds.Select(id => (id, LaneKind.Standard))]);

    public static LaneEvent Arrived(string lane, int count, Guid? id = null) =>
        new(id, lane, LaneEventType.Arrived, count, null, DateTimeOffset.UtcNow);

    public static LaneEvent Served(string lane, int count, DateTimeOffset? at = null) =>
        new(null, lane, LaneEventType.Served, count, null, at ?? DateTimeOffset.UtcNow);

    public static LaneEvent HeadCount(string lane, int count, DateTimeOffset? at = null) =>
        new(null, lane, LaneEventType.Queue, count, null, at ?? DateTimeOffset.UtcNow);

    public static LaneEvent Status(string lane, LaneStatus status, DateTimeOffset? at = null) =>
        new(null, lane, LaneEventType.Status, 0, status, at ?? DateTimeOffset.UtcNow);

    public static ImmutableArray<LaneEvent> Batch(params LaneEvent[] events) => [.. events];
}
