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

    private readonly IGrainStorage _storage = services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);

    /// <summary>
    /// Stores chunk <paramref name="number"/>. A chunk already stored under that number is overwritten only when
    /// <paramref name="laneStillCurrent"/> confirms that the lane's stored state is still the one this activation read:
    /// then the old chunk was left by a write whose lane update failed, and nothing counts it. Otherwise another activation
    /// of the lane has moved on and counts it, and the write fails rather than erase ids that were acknowledged.
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
