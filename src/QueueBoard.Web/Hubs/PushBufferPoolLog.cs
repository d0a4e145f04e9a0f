namespace QueueBoard.Web.Hubs;

/// <summary>Says at start-up how many arrays of a size the shared pool keeps per core (<see cref="PushBufferPool"/>).</summary>
public sealed class PushBufferPoolLog(ILogger<PushBufferPoolLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (PushBufferPool.InEffect() is { } arrays)
        {
            logger.LogInformation("Shared array pool: {Arrays} arrays of a size per core ({Variable})", arrays, PushBufferPool.Variable);
        }
        else
        {
            logger.LogWarning("Shared array pool: this runtime does not show how many arrays it keeps ({Variable})", PushBufferPool.Variable);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
