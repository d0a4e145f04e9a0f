using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;
using QueueBoard.Grains.Publishing;

namespace QueueBoard.Grains.Tests;

/// <summary>
/// A one-silo in-process Orleans cluster with the real grains and a serializing, recording storage
/// (<see cref="TestGrainStorage"/>); pushes go to a recorder.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public RecordingPublisher Publisher { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public TestGrainStorage Storage { get; } = new();

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder();
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddKeyedSingleton(GrainStorage.Name, (services, _) => Storage.For(services.GetRequiredService<Serializer>()));
            silo.Services.AddQueueGrains();
            silo.Services.AddSingleton<IQueuePublisher>(Publisher);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}
