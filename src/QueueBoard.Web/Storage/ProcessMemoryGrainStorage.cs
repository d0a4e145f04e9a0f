using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Serialization;
using Orleans.Storage;

namespace QueueBoard.Web.Storage;

/// <summary>
/// Grain storage for one node in memory (<c>QueueBoard:Storage=Memory</c>): every grain's state kept as bytes in Orleans'
/// binary format in this process, with ETags checked, so that it behaves like the Redis provider of cluster mode short of
/// surviving a restart. Orleans' own memory provider keeps state in storage grains so that several silos can share it;
/// one node has no one to share with, and that extra grain call (with a copy of the bytes and a new GUID for each ETag)
/// was a tenth of a single event's CPU in a profile.
/// </summary>
public sealed class ProcessMemoryGrainStorage(Serializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), StoredState> _store = new();
    private long _lastVersion;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_store.TryGetValue((stateName, grainId), out var stored))
        {
            grainState.State = serializer.Deserialize<T>(stored.Data);
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
        var key = (stateName, grainId);
        var current = Check(key, grainState.ETag);
        var next = new StoredState(serializer.SerializeToArray(grainState.State), NextETag());
        var stored = current is null ? _store.TryAdd(key, next) : _store.TryUpdate(key, next, current);
        if (!stored)
        {
            throw Conflict(key, grainState.ETag);
        }

        grainState.ETag = next.ETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        if (Check(key, grainState.ETag) is { } current && !_store.TryRemove(new KeyValuePair<(string, GrainId), StoredState>(key, current)))
        {
            throw Conflict(key, grainState.ETag);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    /// <summary>The stored state the caller's ETag names (null when it names none), or a conflict.</summary>
    private StoredState? Check((string State, GrainId Grain) key, string? etag)
    {
        var current = _store.GetValueOrDefault(key);
        return current?.ETag == etag ? current : throw Conflict(key, etag);
    }

    private InconsistentStateException Conflict((string State, GrainId Grain) key, string? etag) =>
        new($"ETag mismatch on {key.State} of {key.Grain}", _store.GetValueOrDefault(key)?.ETag, etag);

    private string NextETag() => Interlocked.Increment(ref _lastVersion).ToString(CultureInfo.InvariantCulture);
}
