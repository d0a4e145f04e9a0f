using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace QueueBoard.Grains.Lanes;

/// <summary>
/// Where a lane grain moves its older event ids aside: numbered <see cref="LaneIdChunk"/>s, each under its own key in the
/// configured grain storage, so that the lane's hot write carries only its few most recent ids however busy the day.
/// The lane state says which chunk numbers are live; a chunk outside that range is garbage that the next write of the same
/// number overwrites.
/// </summary>
public sealed class LaneIdArchive(IServiceProvider services, string laneKey)
{
    private const string StateName = "lane-ids";
    private static readonly GrainType ChunkType = GrainType.Create("queueboard-lane-ids");

    /// <summary>
    /// How long a chunk found under the number being written is left alone although the lane's stored state has not moved:
    /// it may be another activation's (a cluster deciding that a node is dead can briefly run two) whose lane write is still
    /// on its way, and erasing it would lose ids that are about to be acknowledged.
    /// </summary>
    public static readonly TimeSpan InFlightFor = TimeSpan.FromSeconds(15);

    private readonly IGrainStorage _storage = services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);

    /// <summary>
    /// Stores chunk <paramref name="number"/>. A chunk already stored under that number is overwritten only when
    /// <paramref name="laneStillCurrent"/> confirms that the lane's stored state is still the one this activation read, and
    /// the chunk is more than <see cref="InFlightFor"/> older than this one: then it was left by a write whose lane update
    /// failed, and nothing counts it. Otherwise another activation of the lane has moved on, or may be about to, and the
    /// write fails (the batch gets a 503 and is retried) rather than erase ids that were or will be acknowledged.
    /// </summary>
    public async Task WriteAsync(long number, LaneIdChunk chunk, Func<Task<bool>> laneStillCurrent)
    {
        var state = new GrainState<LaneIdChunk>(chunk);
        try
        {
            await _storage.WriteStateAsync(StateName, ChunkId(number), state);
            return;
        }
        catch (InconsistentStateException)
        {
            if (!await laneStillCurrent())
            {
                throw;
            }
        }

        var existing = new GrainState<LaneIdChunk>();
        await _storage.ReadStateAsync(StateName, ChunkId(number), existing);
        if (existing.State is { } left && left.NewestAcceptedAt > chunk.NewestAcceptedAt - InFlightFor)
        {
            throw new InconsistentStateException(
                $"Chunk {number} of lane {laneKey} was written moments ago and may belong to a lane write still on its way", existing.ETag, (string?)null);
        }

        state.ETag = existing.ETag;
        await _storage.WriteStateAsync(StateName, ChunkId(number), state);
    }

    public async Task<LaneIdChunk> ReadAsync(long number)
    {
        var state = new GrainState<LaneIdChunk>();
        await _storage.ReadStateAsync(StateName, ChunkId(number), state);
        return state.State ?? new LaneIdChunk();
    }

    public async Task ClearAsync(long number)
    {
        var state = new GrainState<LaneIdChunk>();
        await _storage.ReadStateAsync(StateName, ChunkId(number), state);
        if (state.RecordExists)
        {
            await _storage.ClearStateAsync(StateName, ChunkId(number), state);
        }
    }

    private GrainId ChunkId(long number) => GrainId.Create(ChunkType, $"{laneKey}/{number}");
}
