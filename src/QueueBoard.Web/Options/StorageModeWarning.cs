namespace QueueBoard.Web.Options;

/// <summary>Says at start-up, as a warning, that a node outside Development keeps everything in memory.</summary>
public sealed class StorageModeWarning(StorageModeNotice notice, IHostEnvironment environment, ILogger<StorageModeWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (notice.Mode == StorageMode.Memory && !environment.IsDevelopment())
        {
            logger.LogWarning(
                "QueueBoard:Storage=Memory in {Environment}: sites, lead codes and counts live only in this process and are lost when it stops. " +
                "Start with --QueueBoard:Redis=HOST:PORT to keep them.",
                environment.EnvironmentName);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
