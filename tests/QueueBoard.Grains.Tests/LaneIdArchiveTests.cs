using Orleans.Storage;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Lanes;

namespace QueueBoard.Grains.Tests;

/// <summary>
/// A lane moves its older ids into numbered chunks, each written before the lane state that counts it. A chunk found
/// under the number being written was left by a lane write that failed, or belongs to another activation whose lane
/// write is still on its way (a cluster deciding that a node is dead can run two for a moment): only the first may be
/// overwritten, so only a chunk older than that moment is.
/// </summary>
public sealed class LaneIdArchiveTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 30, 0, TimeSpan.Zero);

    private readonly LaneIdArchive _archive = new(TestGrainStorage.Standalone().AsServices(), "site/1");

    [Fact]
    public async Task A_chunk_another_activation_wrote_moments_ago_is_kept_and_the_second_write_fails()
    {
        var first = Guid.NewGuid();
        await _archive.WriteAsync(5, Chunk(first, Now), LaneUnchanged);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _archive.WriteAsync(5, Chunk(Guid.NewGuid(), Now.AddSeconds(1)), LaneUnchanged));

        Assert.Equal([first], (await _archive.ReadAsync(5)).Seen().Select(s => s.Id));
    }

    [Fact]
    public async Task A_chunk_left_by_a_failed_lane_write_is_overwritten_once_nothing_can_still_be_writing_it()
    {
        await _archive.WriteAsync(5, Chunk(Guid.NewGuid(), Now), LaneUnchanged);
        var retried = Guid.NewGuid();

        await _archive.WriteAsync(5, Chunk(retried, Now + LaneIdArchive.InFlightFor + TimeSpan.FromSeconds(1)), LaneUnchanged);

        Assert.Equal([retried], (await _archive.ReadAsync(5)).Seen().Select(s => s.Id));
    }

    [Fact]
    public async Task A_chunk_the_lane_already_counts_is_never_overwritten()
    {
        var counted = Guid.NewGuid();
        await _archive.WriteAsync(5, Chunk(counted, Now), LaneUnchanged);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _archive.WriteAsync(5, Chunk(Guid.NewGuid(), Now.AddMinutes(5)), () => Task.FromResult(false)));

        Assert.Equal([counted], (await _archive.ReadAsync(5)).Seen().Select(s => s.Id));
    }

    private static Task<bool> LaneUnchanged() => Task.FromResult(true);

    private static LaneIdChunk Chunk(Guid id, DateTimeOffset acceptedAt) => LaneIdChunk.Pack([new SeenEvent(id, acceptedAt)]);
}
