using Orleans.Storage;

namespace QueueBoard.Grains.Tests;

/// <summary>
/// A grain's persistent state outside any grain, over a <see cref="IGrainStorage"/> as Orleans' own bridge uses it: the
/// state and its ETag are this activation's, and every read and write goes to storage, whose ETag check applies.
/// </summary>
public sealed class StoredPersistentState<T>(IGrainStorage storage, string stateName, GrainId grainId) : IPersistentState<T>
    where T : new()
{
    private readonly GrainState<T> _state = new(new T());

    public T State { get => _state.State!; set => _state.State = value; }

    public string? Etag => _state.ETag;

    public bool RecordExists => _state.RecordExists;

    public Task ReadStateAsync() => storage.ReadStateAsync(stateName, grainId, _state);

    public Task WriteStateAsync() => storage.WriteStateAsync(stateName, grainId, _state);

    public Task ClearStateAsync() => storage.ClearStateAsync(stateName, grainId, _state);

    public Task ReadStateAsync(CancellationToken cancellationToken) => ReadStateAsync();

    public Task WriteStateAsync(CancellationToken cancellationToken) => WriteStateAsync();

    public Task ClearStateAsync(CancellationToken cancellationToken) => ClearStateAsync();
}
