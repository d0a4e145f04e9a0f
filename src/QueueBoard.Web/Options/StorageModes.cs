namespace QueueBoard.Web.Options;

/// <summary>
/// Chooses the <see cref="StorageMode"/> from configuration, refusing the one silent way to lose data: a production node
/// that keeps acknowledged events only in memory because Redis was forgotten.
/// </summary>
public static class StorageModes
{
    public const string MemorySwitch = "Memory";

    public static StorageMode Choose(QueueBoardOptions options, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.Redis))
        {
            return StorageMode.Redis;
        }

        var memoryOnPurpose = string.Equals(options.Storage, MemorySwitch, StringComparison.OrdinalIgnoreCase);
        if (!memoryOnPurpose && !string.IsNullOrWhiteSpace(options.Storage))
        {
            throw new InvalidOperationException(
                $"QueueBoard:Storage={options.Storage} is not a storage QueueBoard knows: use --QueueBoard:Redis=HOST:PORT for Redis, or --QueueBoard:Storage=Memory.");
        }

        if (!memoryOnPurpose && !environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                "QueueBoard needs durable storage outside Development: start with --QueueBoard:Redis=HOST:PORT (cluster mode: " +
                "state in Redis, survives restarts), or with --QueueBoard:Storage=Memory to run without it on purpose " +
                "(nothing survives a restart).");
        }

        return StorageMode.Memory;
    }
}
