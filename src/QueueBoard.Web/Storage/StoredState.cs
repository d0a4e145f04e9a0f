namespace QueueBoard.Web.Storage;

/// <summary>
/// One grain state as <see cref="ProcessMemoryGrainStorage"/> holds it. A class compared by reference, so that a write
/// replaces exactly the version it read and two racing writers cannot both win.
/// </summary>
public sealed class StoredState(byte[] data, string etag)
{
    public byte[] Data { get; } = data;

    public string ETag { get; } = etag;
}
