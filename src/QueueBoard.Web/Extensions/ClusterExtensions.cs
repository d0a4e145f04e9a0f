using Microsoft.AspNetCore.SignalR;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;
using Orleans.Storage;
using QueueBoard.Grains;
using QueueBoard.Web.Health;
using QueueBoard.Web.Options;
using QueueBoard.Web.Storage;
using StackExchange.Redis;

namespace QueueBoard.Web.Extensions;

/// <summary>
/// The one place where configuration chooses the providers: the co-hosted Orleans silo (clustering, grain storage,
/// endpoints, failure detection), the SignalR backplane and the readiness checks, either all in memory for one process or
/// all on Redis for a cluster (<see cref="StorageModes"/>).
/// </summary>
public static class ClusterExtensions
{
    public static WebApplicationBuilder AddQueueBoardCluster(this WebApplicationBuilder builder, ISignalRServerBuilder signalR)
    {
        var options = builder.Configuration.GetSection(QueueBoardOptions.Section).Get<QueueBoardOptions>() ?? new();
        var mode = StorageModes.Choose(options, builder.Environment);
        builder.Services.AddSingleton(new StorageModeNotice(mode));
        builder.Services.AddHostedService<StorageModeWarning>();

        if (!options.Kubernetes)
        {
            PortGuard.EnsureFree(options.SiloPort, "QueueBoard:SiloPort");
            PortGuard.EnsureFree(options.GatewayPort, "QueueBoard:GatewayPort");
        }

        var health = builder.Services.AddHealthChecks()
            .AddCheck<ClusterHealthCheck>("cluster", tags: [HealthEndpoints.ReadyTag]);

        if (mode == StorageMode.Memory)
        {
            builder.UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
                silo.Services.AddKeyedSingleton<IGrainStorage>(GrainStorage.Name, (services, _) =>
                    new ProcessMemoryGrainStorage(services.GetRequiredService<Serializer>()));
                AddDashboard(silo, options);
            });
            return builder;
        }

        var redis = options.Redis!;
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ServiceId;
            });
            if (options.Kubernetes)
            {
                silo.UseKubernetesHosting();
            }
            else
            {
                silo.ConfigureEndpoints(options.AdvertisedAddress, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
            }

            silo.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis));
            silo.AddRedisGrainStorage(GrainStorage.Name, optionsBuilder => optionsBuilder.Configure<Serializer>((o, serializer) =>
            {
                o.ConfigurationOptions = RedisStorageConnection(redis);
                o.DeleteStateOnClear = true;

                o.GrainStorageSerializer = StorageSerializer(serializer);
            }));
            silo.Configure<ClusterMembershipOptions>(FailureDetection.Configure);
            AddDashboard(silo, options);
        });

        // Pushes made by a grain on one node reach watchers connected to every node, and only that district's: the service id,
        // which keeps districts' keys apart on a shared Redis, keeps their push channels apart too.
        signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = RedisChannel.Literal($"queueboard:{options.ServiceId}:{options.ClusterId}"));

        builder.Services.AddSingleton(_ => new RedisHealthCheck(redis));
        health.AddCheck<RedisHealthCheck>("redis", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }

    /// <summary>
    /// Orleans' own binary format for grain state in Redis, as in memory (<see cref="ProcessMemoryGrainStorage"/>): a lane's
    /// hot write is a few hundred bytes, where the default JSON (Newtonsoft, with type names) is several times more and was
    /// most of a batch's cost in a profile.
    /// </summary>
    private static OrleansGrainStorageSerializer StorageSerializer(Serializer serializer) => new(serializer);

    /// <summary>The Orleans dashboard's silo side, when switched on; its page is mapped with the endpoints.</summary>
    private static void AddDashboard(ISiloBuilder silo, QueueBoardOptions options)
    {
        if (options.Dashboard)
        {
            silo.AddDashboard();
        }
    }

    /// <summary>
    /// Storage calls fail at once while Redis is unreachable instead of queueing for seconds: the lead's phone gets a 503
    /// straight away and keeps the batch in its outbox.
    /// </summary>
    private static ConfigurationOptions RedisStorageConnection(string redis)
    {
        var configuration = ConfigurationOptions.Parse(redis);
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        return configuration;
    }
}
