using System.Collections.Immutable;
using System.Threading.Channels;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.District;

namespace QueueBoard.Grains.Tests;

/// <summary>
/// A node's relay of site digests to the district: one call under way at a time, digests that come meanwhile go together
/// in the next and in the order they came, each publish ends only when the call that carried it has, and a failed call
/// fails only the publishes it carried.
/// </summary>
public sealed class DigestRelayTests
{
    private readonly Channel<(ImmutableArray<SiteDigest> Digests, TaskCompletionSource Taken)> _calls = Channel.CreateUnbounded<(ImmutableArray<SiteDigest>, TaskCompletionSource)>();
    private readonly DigestRelay _relay;

    public DigestRelayTests() => _relay = new DigestRelay(digests =>
    {
        var taken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls.Writer.TryWrite((digests, taken));
        return taken.Task;
    });

    [Fact]
    public async Task Digests_that_come_while_a_call_is_under_way_go_together_in_the_next()
    {
        var first = _relay.PublishAsync(Digest("a", 1));
        var (firstCall, firstTaken) = await NextCallAsync();
        var second = _relay.PublishAsync(Digest("b", 1));
        var third = _relay.PublishAsync(Digest("a", 2));

        Assert.Equal(["a:1"], Names(firstCall));
        Assert.False(_calls.Reader.TryRead(out _));
        Assert.False(first.IsCompleted);

        firstTaken.SetResult();
        await first.WaitAsync(TestContext.Current.CancellationToken);
        var (secondCall, secondTaken) = await NextCallAsync();
        Assert.Equal(["b:1", "a:2"], Names(secondCall));
        Assert.False(second.IsCompleted || third.IsCompleted);

        secondTaken.SetResult();
        await Task.WhenAll(second, third).WaitAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_failed_call_fails_the_publishes_it_carried_and_the_next_goes_on()
    {
        var failed = _relay.PublishAsync(Digest("a", 1));
        var (_, failedTaken) = await NextCallAsync();
        var waiting = _relay.PublishAsync(Digest("b", 1));
        failedTaken.SetException(new TimeoutException("the district's node died"));

        await Assert.ThrowsAsync<TimeoutException>(() => failed.WaitAsync(TestContext.Current.CancellationToken));
        var (nextCall, nextTaken) = await NextCallAsync();
        Assert.Equal(["b:1"], Names(nextCall));
        nextTaken.SetResult();
        await waiting.WaitAsync(TestContext.Current.CancellationToken);
    }

    private async Task<(ImmutableArray<SiteDigest> Digests, TaskCompletionSource Taken)> NextCallAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await _calls.Reader.ReadAsync(timeout.Token);
    }

    private static string[] Names(ImmutableArray<SiteDigest> digests) => [.. digests.Select(d => $"{d.Summary.Id}:{d.Summary.QueueLength}")];

    private static SiteDigest Digest(string siteId, int queue) => new(
        new SiteSummary
        {
            Id = siteId, Name = siteId, NameEn = siteId, Area = "a", Latitude = 0, Longitude = 0, Open = true, QueueLength = queue,
            WaitMinutes = queue, WaitBand = WaitBand.Smooth, GreenLaneOpen = false, GreenWaitMinutes = null, OpenLanes = 1,
            TotalLanes = 1, UpdatedAt = DateTimeOffset.UnixEpoch,
        },
        0,
        0,
        []);
}
