using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using QueueBoard.Grains.District;
using QueueBoard.Grains.Estimation;
using QueueBoard.Grains.Forecast;
using QueueBoard.Grains.Sites;
using QueueBoard.Grains.Time;

namespace QueueBoard.Grains;

/// <summary>Registers what the grains need besides storage and an <see cref="Publishing.IQueuePublisher"/>, which the host supplies.</summary>
public static class QueueGrainsServiceCollectionExtensions
{
    public static IServiceCollection AddQueueGrains(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<Options.QueueGrainOptions>();
        services.AddSingleton<DistrictClock>();
        services.AddSingleton<WaitEstimator>();
        services.AddSingleton<SitePictureBuilder>();
        services.AddSingleton<WaitForecaster>();
        services.AddSingleton<DigestRelay>();
        return services;
    }
}
