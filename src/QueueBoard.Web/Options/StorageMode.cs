namespace QueueBoard.Web.Options;

/// <summary>Where grain state lives, chosen once at start-up from configuration by <see cref="StorageModes"/>.</summary>
public enum StorageMode
{
    /// <summary>One process, state in memory: the Development default, or Production with <c>QueueBoard:Storage=Memory</c>.</summary>
    Memory,

    /// <summary>Orleans clustering and grain storage in Redis, with the SignalR Redis backplane.</summary>
    Redis,
}
