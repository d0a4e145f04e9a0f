using QueueBoard.Grains;
using QueueBoard.Web.Options;

namespace QueueBoard.Web.Extensions;

/// <summary>Co-hosts the Orleans silo in the web host, with clustering and grain storage chosen by configuration.</summary>
public static class OrleansHostingExtensions
{
    public static WebApplicationBuilder AddQueueBoardSilo(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(QueueBoardOptions.Section).Get<QueueBoardOptions>() ?? new();
        if (!string.IsNullOrWhiteSpace(options.Redis))
        {
            throw new InvalidOperationException(
                "QueueBoard:Redis (cluster mode) is not available in this build yet; start without it for the embedded single-node mode.");
        }

        PortGuard.EnsureFree(options.SiloPort, "QueueBoard:SiloPort");
        PortGuard.EnsureFree(options.GatewayPort, "QueueBoard:GatewayPort");

        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort);
            silo.AddMemoryGrainStorage(GrainStorage.Name);
        });
        return builder;
    }
}
