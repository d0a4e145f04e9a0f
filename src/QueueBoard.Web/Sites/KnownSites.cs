using System.Collections.Frozen;
using QueueBoard.Abstractions.Grains;
using QueueBoard.Web.Validation;

namespace QueueBoard.Web.Sites;

/// <summary>
/// The ids of every configured site, kept by each web node so that a request, token or hub call naming a site that does
/// not exist is refused before it reaches a grain: unknown ids, however many, activate nothing and leave nothing behind.
/// The set comes from the district grain. A node that has not heard of an id asks the district again before answering,
/// so a site created through another node is known at once; misses that arrive together share one question (one under
/// way and one queued at most), so a flood of unknown ids costs the district a small call now and then, not one each.
/// </summary>
public sealed class KnownSites(IGrainFactory grains)
{
    private readonly Lock _gate = new();
    private FrozenSet<string> _ids = FrozenSet<string>.Empty;

    // How many sites the district listed last time: this node's own additions are not in it, so a site the district
    // learned of from another node is never mistaken for one this node already has.
    private int _districtCount = -1;
    private Task _current = Task.CompletedTask;
    private Task? _next;

    /// <summary>Whether a site has this id; an id this node has not seen waits for a refresh that starts after the call.</summary>
    public async ValueTask<bool> ContainsAsync(string siteId)
    {
        if (!Identifiers.IsValid(siteId))
        {
            return false;
        }

        if (_ids.Contains(siteId))
        {
            return true;
        }

        await RefreshAfterNowAsync();
        return _ids.Contains(siteId);
    }

    /// <summary>Records a site this node has just configured, so that it is known here without waiting.</summary>
    public void Add(string siteId)
    {
        lock (_gate)
        {
            if (!_ids.Contains(siteId))
            {
                _ids = _ids.Append(siteId).ToFrozenSet(StringComparer.Ordinal);
            }
        }
    }

    /// <summary>
    /// A refresh that starts after this call: the one already queued if there is one (it has not started yet), else a
    /// new one, started once the one under way has finished.
    /// </summary>
    private Task RefreshAfterNowAsync()
    {
        lock (_gate)
        {
            return _next ??= RunAsync(_current);
        }
    }

    private async Task RunAsync(Task previous)
    {
        // Never run on inside the caller's lock: the caller must first record this task as the queued refresh.
        await Task.Yield();
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        lock (_gate)
        {
            // From here on, a new miss needs a refresh after this one.
            _current = _next!;
            _next = null;
        }

        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var set = await grains.GetGrain<IDistrictGrain>(0).GetSiteIds(_districtCount);
        if (set.Count == _districtCount)
        {
            return;
        }

        lock (_gate)
        {
            _ids = set.Ids.Union(_ids).ToFrozenSet(StringComparer.Ordinal);
            _districtCount = set.Count;
        }
    }
}
