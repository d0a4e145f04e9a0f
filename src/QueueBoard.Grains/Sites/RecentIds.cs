using QueueBoard.Abstractions.Model;

namespace QueueBoard.Grains.Sites;

/// <summary>
/// The event ids a site accepted in the last 24 hours, across all its lanes: the site grain checks each batch against it
/// so that an id is applied once per site, whichever lane it names. Held in memory only; the lanes keep the ids durably
/// and the site rebuilds this set from them when it activates.
/// </summary>
public sealed class RecentIds
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);

    private readonly HashSet<Guid> _ids = [];
    private readonly PriorityQueue<Guid, DateTimeOffset> _byAge = new();

    public bool Contains(Guid id) => _ids.Contains(id);

    public void Add(SeenEvent seen)
    {
        if (_ids.Add(seen.Id))
        {
            _byAge.Enqueue(seen.Id, seen.AcceptedAt);
        }
    }

    /// <summary>Forgets ids accepted more than <see cref="KeptFor"/> before <paramref name="now"/>.</summary>
    public void ForgetOlderThan(DateTimeOffset now)
    {
        while (_byAge.TryPeek(out var id, out var acceptedAt) && now - acceptedAt > KeptFor)
        {
            _byAge.Dequeue();
            _ids.Remove(id);
        }
    }

    public void Clear()
    {
        _ids.Clear();
        _byAge.Clear();
    }
}
