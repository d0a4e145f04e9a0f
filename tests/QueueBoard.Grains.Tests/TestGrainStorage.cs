using Microsoft.Extensions.DependencyInjection;
using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace QueueBoard.Grains.Tests;

/// <summary>
/// Grain storage for the test cluster that behaves like the Redis provider in cluster mode: each state is kept as bytes in
/// Orleans' binary format, in one store that every silo shares, and ETags are checked. It also records the size of every
/// write and fails the writes a test asks it to, so that tests can see what a hot write costs and what a storage fault does.
/// </summary>
public sealed class TestGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), (byte[] Data, string ETag)> _store = new();
    private readonly ConcurrentQueue<StorageWrite> _writes = new();
    private readonly ConcurrentDictionary<(string State, string GrainKey), int> _failures = new();
    private readonly ConcurrentDictionary<(string State, string GrainKey), int> _lateFailures = new();
    private readonly ConcurrentDictionary<string, int> _reads = new();

    // Set by the first silo that resolves the storage; every silo of a test cluster serializes alike.
    private Serializer? _serializer;

    public IReadOnlyCollection<StorageWrite> Writes => _writes;

    /// <summary>How many reads of <paramref name="stateName"/> this storage has answered, of any grain.</summary>
    public int ReadsOf(string stateName) => _reads.GetValueOrDefault(stateName);

    /// <summary>Makes the next write of <paramref name="stateName"/> for the grain keyed <paramref name="grainKey"/> fail.</summary>
    public void FailNextWrite(string stateName, string grainKey) =>
        _failures.AddOrUpdate((stateName, grainKey), 1, (_, n) => n + 1);

    /// <summary>
    /// Makes the next write of <paramref name="stateName"/> for the grain keyed <paramref name="grainKey"/> store its state
    /// and then fail, as a Redis write does when the reply times out after the server applied it.
    /// </summary>
    public void StoreThenFailNextWrite(string stateName, string grainKey) =>
        _lateFailures.AddOrUpdate((stateName, grainKey), 1, (_, n) => n + 1);

    /// <summary>A storage outside any cluster, for the archives that write to storage themselves.</summary>
    public static TestGrainStorage Standalone()
    {
        var storage = new TestGrainStorage();
        storage.For(new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(GrainStorage).Assembly)).BuildServiceProvider().GetRequiredService<Serializer>());
        return storage;
    }

    /// <summary>Services that hold this storage under QueueBoard's storage name, as a silo's do.</summary>
    public IServiceProvider AsServices() => new ServiceCollection().AddKeyedSingleton<IGrainStorage>(GrainStorage.Name, this).BuildServiceProvider();

    /// <summary>This storage, for a silo whose serializer it may use.</summary>
    public IGrainStorage For(Serializer serializer)
    {
        Interlocked.CompareExchange(ref _serializer, serializer, null);
        return this;
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _reads.AddOrUpdate(stateName, 1, (_, n) => n + 1);
        if (_store.TryGetValue((stateName, grainId), out var stored))
        {
            grainState.State = _serializer!.Deserialize<T>(stored.Data);
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var failureKey = (stateName, grainId.Key.ToString()!);
        if (TakeOne(_failures, failureKey))
        {
            throw new IOException($"Injected storage failure writing {stateName} of {grainId}");
        }

        string etag;
        lock (_store)
        {
            CheckETag(stateName, grainId, grainState.ETag);
            var data = _serializer!.SerializeToArray(grainState.State);
            etag = Guid.NewGuid().ToString("N");
            _store[(stateName, grainId)] = (data, etag);
            _writes.Enqueue(new StorageWrite(stateName, grainId, data.Length));
        }

        if (TakeOne(_lateFailures, failureKey))
        {
            throw new TimeoutException($"Injected timeout after storing {stateName} of {grainId}");
        }

        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (_store)
        {
            CheckETag(stateName, grainId, grainState.ETag);
            _store.TryRemove((stateName, grainId), out _);
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    private static bool TakeOne(ConcurrentDictionary<(string State, string GrainKey), int> failures, (string, string) key) =>
        failures.TryGetValue(key, out var left) && left > 0 && failures.TryUpdate(key, left - 1, left);

    private void CheckETag(string stateName, GrainId grainId, string? etag)
    {
        var current = _store.TryGetValue((stateName, grainId), out var stored) ? stored.ETag : null;
        if (current != etag)
        {
            throw new InconsistentStateException($"ETag mismatch writing {stateName} of {grainId}", current, etag);
        }
    }
}
