using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using QueueBoard.Grains;
using QueueBoard.Grains.Estimation;
using QueueBoard.Grains.Options;
using QueueBoard.Grains.Publishing;
using QueueBoard.Grains.Time;

namespace QueueBoard.Accuracy;

/// <summary>
/// A one-silo in-process Orleans cluster running the real site and lane grains, whose clock (and only theirs: Orleans
/// keeps real time) is a <see cref="FakeTimeProvider"/> that the scenarios move on, so a day plays in seconds.
/// </summary>
public sealed class AccuracyCluster : IAsyncDisposable
{
    private AccuracyCluster(InProcessTestCluster cluster, FakeTimeProvider time)
    {
        Cluster = cluster;
        Time = time;
    }

    public InProcessTestCluster Cluster { get; }

    public FakeTimeProvider Time { get; }

    public IGrainFactory Grains => Cluster.Client;

    public static async Task<AccuracyCluster> StartAsync(HarnessSettings settings)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero));
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GrainStorage.Name);
            silo.Services.AddQueueGrains();
            silo.Services.Configure<QueueGrainOptions>(o => o.PoolLanes = settings.PoolLanes);
            silo.Services.AddSingleton(sp => new DistrictClock(time, sp.GetRequiredService<IOptions<QueueGrainOptions>>()));
            silo.Services.AddSingleton(sp => new WaitEstimator(time, sp.GetRequiredService<IOptions<QueueGrainOptions>>()));
            silo.Services.AddSingleton<IQueuePublisher, SilentPublisher>();
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new AccuracyCluster(cluster, time);
    }

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}
