using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Orleans.Storage;
using QueueBoard.Abstractions.Grains;
using QueueBoard.Abstractions.Model;
using QueueBoard.Accuracy;
using QueueBoard.Grains;
using QueueBoard.Grains.Publishing;
using QueueBoard.Testing;
using QueueBoard.Web.Storage;

namespace QueueBoard.Benchmarks;

/// <summary>
/// An Orleans silo in the benchmark's process with QueueBoard's grains stored as one node stores them in memory
/// (<see cref="ProcessMemoryGrainStorage"/>) and pushes dropped, and one site whose lanes have taken a stream of events:
/// the benchmarks call it as the web host calls its co-hosted silo, and read real lane states from it.
/// </summary>
public sealed class BenchmarkSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private int _sequence;

    private BenchmarkSilo(IHost host, string siteId, SiteConfig config)
    {
        _host = host;
        SiteId = siteId;
        Config = config;
    }

    public string SiteId { get; }

    public SiteConfig Config { get; }

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<BenchmarkSilo> StartAsync(int lanes)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePort.Next(), FreePort.Next());
            silo.Services.AddKeyedSingleton<IGrainStorage>(GrainStorage.Name, (services, _) =>
                new ProcessMemoryGrainStorage(services.GetRequiredService<Serializer>()));
            silo.Services.AddQueueGrains();
            silo.Services.AddSingleton<IQueuePublisher, SilentPublisher>();
        });
        var host = builder.Build();
        await host.StartAsync();

        var config = new SiteConfig("基准采样点", "Benchmark site", "环市街道", 22.59, 113.08, [OpenSpan.AllDay],
            [.. Enumerable.Range(1, lanes).Select(n => new LaneConfig($"{n}", $"{n}号通道", n == lanes ? LaneKind.Green : LaneKind.Standard))]);
        var silo = new BenchmarkSilo(host, "bench-site", config);
        var site = silo.Grains.GetGrain<ISiteGrain>(silo.SiteId);
        await site.Configure(config);
        await site.Apply([
            .. config.Lanes.Select(l => new LaneEvent(null, l.Id, LaneEventType.Status, 0, LaneStatus.Open, DateTimeOffset.UtcNow)),
            .. config.Lanes.Select(l => new LaneEvent(null, l.Id, LaneEventType.Arrived, 15, null, DateTimeOffset.UtcNow)),
        ]);

        // Queues, rates and spreads as a working lane has them: a few hundred people through every lane.
        for (var i = 0; i < 20; i++)
        {
            await site.Apply(silo.NextBatch(lanes * 20));
            await Task.Delay(10);
        }

        return silo;
    }

    /// <summary>Lane events with fresh ids, spread over the lanes, arrivals and serves in turn so that queues hold steady.</summary>
    public ImmutableArray<LaneEvent> NextBatch(int size)
    {
        var lanes = Config.Lanes.Length;
        var batch = ImmutableArray.CreateBuilder<LaneEvent>(size);
        for (var i = 0; i < size; i++)
        {
            var n = _sequence++;
            var type = n / lanes % 2 == 0 ? LaneEventType.Arrived : LaneEventType.Served;
            batch.Add(new LaneEvent(Guid.NewGuid(), Config.Lanes[n % lanes].Id, type, 1, null, DateTimeOffset.UtcNow));
        }

        return batch.MoveToImmutable();
    }

    public async Task<Dictionary<string, LaneReading>> ReadLanesAsync()
    {
        var readings = new Dictionary<string, LaneReading>(StringComparer.Ordinal);
        foreach (var lane in Config.Lanes)
        {
            readings[lane.Id] = await Grains.GetGrain<ILaneGrain>(ILaneGrain.KeyOf(SiteId, lane.Id)).GetReading();
        }

        return readings;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
