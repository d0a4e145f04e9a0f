namespace QueueBoard.Web.Demo;

/// <summary>Adds the demo district and its traffic simulator (when <c>QueueBoard:Demo</c> is true).</summary>
public static class DemoServiceCollectionExtensions
{
    public static IServiceCollection AddDemoDistrict(this IServiceCollection services) =>
        services.AddHostedService<TrafficSimulator>();
}
