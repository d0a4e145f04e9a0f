using QueueBoard.Abstractions.Model;

namespace QueueBoard.Grains.Sites;

/// <summary>
/// The event ids a site accepted in the last 24 hours, across all its lanes: the site grain checks each batch against it
/// so that an id is applied once per site, whichever lane it names. Held in memory only; the lanes keep the ids durably
/// (<see cref="Lanes.LaneIdArchive"/>) and the site rebuilds this set from them when it activates.
/// </summary>
/// <remarks>
/// A busy site holds hundreds of thousands of ids, so each costs about 22 bytes in an <see cref="OrderedIdSet"/>, and
/// acceptance times are kept as one count per minute rather than one timestamp per id. An id is forgotten once its
/// whole minute is more than 24 hours old: at most a minute late, never early, so a retry inside 24 hours is always caught.
/// </remarks>
public sealed class RecentIds
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);

    private readonly OrderedIdSet _ids = new();

    // Minutes before the newest, oldest first, and the newest minute still being counted.
    private readonly Queue<(long Minute, int Count)> _earlierMinutes = new();
    private long _newestMinute = long.MinValue;
    private int _newestCount;

    public int Count => _ids.Count;

    public bool Contains(Guid id) => _ids.Contains(id);

    /// <summary>Adds an id; ids must come oldest first (a late one is filed under the newest minute, kept longer).</summary>
    public void Add(SeenEvent seen)
    {
        if (!_ids.Add(seen.Id))
        {
            return;
        }

        var minute = seen.AcceptedAt.ToUnixTimeSeconds() / 60;
        if (minute > _newestMinute)
        {
            if (_newestCount > 0)
            {
                _earlierMinutes.Enqueue((_newestMinute, _newestCount));
            }

            _newestMinute = minute;
            _newestCount = 0;
        }

        _newestCount++;
    }

    /// <summary>Forgets the ids of every minute that ended more than <see cref="KeptFor"/> before <paramref name="now"/>.</summary>
    public void ForgetOlderThan(DateTimeOffset now)
    {
        var cutoff = (now - KeptFor).ToUnixTimeSeconds() / 60;
        while (_earlierMinutes.TryPeek(out var oldest) && oldest.Minute < cutoff)
        {
            _earlierMinutes.Dequeue();
            Forget(oldest.Count);
        }

        if (_earlierMinutes.Count == 0 && _newestMinute < cutoff)
        {
            Forget(_newestCount);
            _newestCount = 0;
        }

        if (_ids.Count == 0)
        {
            // A quiet night after a busy day gives the emptied tables' memory back.
            _ids.TrimExcess();
        }
    }

    private void Forget(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _ids.RemoveOldest();
        }
    }
}
