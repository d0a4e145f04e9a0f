using System.Collections.Concurrent;
using System.Diagnostics;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Publishing;

namespace QueueBoard.Grains.Tests;

/// <summary>Stands where the SignalR hub stands in the web host: records every push the grains make, with when it was made.</summary>
public sealed class RecordingPublisher : IQueuePublisher
{
    public ConcurrentQueue<(TimeSpan At, SiteDetail Site)> Sites { get; } = new();
    public ConcurrentQueue<(TimeSpan At, BoardDelta Board, IReadOnlyList<int> Shards)> Boards { get; } = new();
    public ConcurrentQueue<(TimeSpan At, Overview Overview)> Overviews { get; } = new();
    public ConcurrentQueue<TimeSpan> BoardReleases { get; } = new();

    public static TimeSpan Now => Stopwatch.GetElapsedTime(0);

    public Task SiteChanged(SiteDetail site)
    {
        Sites.Enqueue((Now, site));
        return Task.CompletedTask;
    }

    public Task BoardChanged(BoardDelta changes, IReadOnlyList<int> shards)
    {
        Boards.Enqueue((Now, changes, shards));
        return Task.CompletedTask;
    }

    public Task OverviewChanged(Overview overview)
    {
        Overviews.Enqueue((Now, overview));
        return Task.CompletedTask;
    }

    public Task BoardReleased()
    {
        BoardReleases.Enqueue(Now);
        return Task.CompletedTask;
    }

    public List<(TimeSpan At, SiteDetail Site)> PushesOf(string siteId) => Sites.Where(p => p.Site.Id == siteId).ToList();
}
