using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using QueueBoard.Abstractions.Model;
using QueueBoard.Web.Storage;

namespace QueueBoard.Web.Tests;

/// <summary>
/// One node's in-process grain storage keeps Redis' promises: what was written is read back as a copy, and a writer
/// holding an old ETag (an activation that missed a newer write) is refused rather than overwriting it.
/// </summary>
public sealed class ProcessMemoryGrainStorageTests
{
    private static readonly GrainId Lane = GrainId.Create("lane", "site-1/1");
    private readonly ProcessMemoryGrainStorage _storage = new(
        new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(OpenSpan).Assembly)).BuildServiceProvider().GetRequiredService<Serializer>());

    [Fact]
    public async Task A_write_is_read_back_as_a_copy_with_its_etag()
    {
        var written = new GrainState<OpenSpan> { State = new OpenSpan(8 * 60, 18 * 60) };
        await _storage.WriteStateAsync("hours", Lane, written);

        var read = new GrainState<OpenSpan>();
        await _storage.ReadStateAsync("hours", Lane, read);

        Assert.Equal((written.State, written.ETag, true), (read.State, read.ETag, read.RecordExists));
        Assert.NotSame(written.State, read.State);
        Assert.NotNull(read.ETag);
    }

    [Fact]
    public async Task A_writer_with_an_old_etag_is_refused_and_the_newer_state_stays()
    {
        var first = new GrainState<OpenSpan> { State = new OpenSpan(8 * 60, 18 * 60) };
        await _storage.WriteStateAsync("hours", Lane, first);
        var stale = new GrainState<OpenSpan> { State = new OpenSpan(0, 60), ETag = first.ETag };
        first.State = new OpenSpan(9 * 60, 17 * 60);
        await _storage.WriteStateAsync("hours", Lane, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("hours", Lane, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearStateAsync("hours", Lane, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            _storage.WriteStateAsync("hours", Lane, new GrainState<OpenSpan> { State = new OpenSpan(0, 60) }));

        var read = new GrainState<OpenSpan>();
        await _storage.ReadStateAsync("hours", Lane, read);
        Assert.Equal(new OpenSpan(9 * 60, 17 * 60), read.State);
    }

    [Fact]
    public async Task A_cleared_state_is_gone_and_may_be_written_afresh()
    {
        var state = new GrainState<OpenSpan> { State = new OpenSpan(8 * 60, 18 * 60) };
        await _storage.WriteStateAsync("hours", Lane, state);
        await _storage.ClearStateAsync("hours", Lane, state);

        var read = new GrainState<OpenSpan>();
        await _storage.ReadStateAsync("hours", Lane, read);
        Assert.Equal((false, (string?)null), (read.RecordExists, read.ETag));

        await _storage.WriteStateAsync("hours", Lane, new GrainState<OpenSpan> { State = new OpenSpan(0, 60) });
    }
}
