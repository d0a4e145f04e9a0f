using System.Collections.Immutable;
using QueueBoard.Abstractions.Grains;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Grains.District;

/// <summary>
/// Carries the site grains' digests from this node to the district grain (<see cref="IDistrictGrain.Publish"/>), gathered:
/// one call is under way at a time, and the digests that come meanwhile go together in the next. A site's publish
/// completes when the district has taken its digest, as a call of its own would, so a board read after an acknowledged
/// event still shows it; at a district's peak the single district grain takes one message per gathering, not one per
/// event.
/// </summary>
public sealed class DigestRelay
{
    private readonly Func<ImmutableArray<SiteDigest>, Task> _send;
    private readonly Lock _gate = new();
    private List<SiteDigest> _waiting = [];
    private TaskCompletionSource _waitingTaken = NewCompletion();
    private bool _sending;

    public DigestRelay(IGrainFactory grains)
    {
        // Made once: GetGrain works out the grain type by reflection on every call.
        var district = new Lazy<IDistrictGrain>(() => grains.GetGrain<IDistrictGrain>(0));
        _send = digests => district.Value.Publish(digests);
    }

    /// <summary>Tests pass what a gathering is sent to.</summary>
    internal DigestRelay(Func<ImmutableArray<SiteDigest>, Task> send) => _send = send;

    /// <summary>Completes when the district has taken <paramref name="digest"/>; fails with the call that carried it.</summary>
    public Task PublishAsync(SiteDigest digest)
    {
        lock (_gate)
        {
            _waiting.Add(digest);
            if (!_sending)
            {
                _sending = true;

                // Off the calling grain's scheduler and without its context (request context, trace): the sending loop
                // serves every site of the node, not the one that started it.
                using (ExecutionContext.SuppressFlow())
                {
                    _ = Task.Run(SendAsync);
                }
            }

            return _waitingTaken.Task;
        }
    }

    private async Task SendAsync()
    {
        while (true)
        {
            List<SiteDigest> gathered;
            TaskCompletionSource taken;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _sending = false;
                    return;
                }

                (gathered, taken) = (_waiting, _waitingTaken);
                (_waiting, _waitingTaken) = ([], NewCompletion());
            }

            try
            {
                await _send([.. gathered]);
                taken.SetResult();
            }
            catch (Exception ex)
            {
                // Every site in the gathering hears of the failure and sends its row again on its next flush.
                taken.SetException(ex);
            }
        }
    }

    // A site grain's continuation must never run inline on the sending loop, which would hold up every other site.
    private static TaskCompletionSource NewCompletion() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
