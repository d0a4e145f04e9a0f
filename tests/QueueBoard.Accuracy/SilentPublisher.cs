using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Publishing;

namespace QueueBoard.Accuracy;

/// <summary>Takes the grains' pushes and drops them: the harness reads each site picture itself when a person joins.</summary>
public sealed class SilentPublisher : IQueuePublisher
{
    public Task SiteChanged(SiteDetail site) => Task.CompletedTask;

    public Task BoardChanged(BoardDelta changes, IReadOnlyList<int> shards) => Task.CompletedTask;

    public Task OverviewChanged(Overview overview) => Task.CompletedTask;

    public Task BoardReleased() => Task.CompletedTask;
}
