namespace QueueBoard.Grains.Accuracy;

/// <summary>
/// A lane's cumulative arrival and serve counts, kept in the site grain's memory. With first come, first served the n-th
/// arrival is the n-th serve, so the time between them is that person's actual wait, and nobody has to be identified.
/// A head count re-bases the arrival curve on what the lead saw, and people it no longer accounts for are not measured.
/// </summary>
public sealed class LaneCurve(int queueLength)
{
    /// <summary>Joins waiting to be settled; beyond this the oldest are given up, so memory stays bounded.</summary>
    public const int MaximumPending = 512;

    private readonly Queue<PendingJoin> _pending = new();

    private long _arrived = queueLength;
    private long _served;

    /// <summary>People joined, each with the wait posted to them, or without one (null) when none was posted or it is unknown.</summary>
    public void Arrived(int count, int? postedMinutes, DateTimeOffset at)
    {
        if (postedMinutes is { } posted)
        {
            if (_pending.Count == MaximumPending)
            {
                _pending.Dequeue();
            }

            _pending.Enqueue(new PendingJoin(_arrived + 1, _arrived + count, posted, at));
        }

        _arrived += count;
    }

    /// <summary>People served at <paramref name="at"/>; <paramref name="settle"/> hears each group whose wait this ends.</summary>
    public void Served(int count, DateTimeOffset at, Action<int, double> settle)
    {
        _served += count;
        _arrived = Math.Max(_arrived, _served);
        while (_pending.TryPeek(out var join) && join.First <= _served)
        {
            var people = (int)(Math.Min(join.Last, _served) - join.First + 1);
            var actual = Math.Max(0, (at - join.JoinedAt).TotalMinutes);
            settle(people, join.PostedMinutes - actual);
            join.First += people;
            if (join.First > join.Last)
            {
                _pending.Dequeue();
            }
        }
    }

    /// <summary>A head count: the lead's count wins, and joins beyond it can no longer be told apart.</summary>
    public void Counted(int queueLength)
    {
        _arrived = _served + queueLength;
        foreach (var join in _pending.Where(j => j.Last > _arrived))
        {
            join.Last = Math.Max(join.First - 1, _arrived);
        }

        if (_pending.Any(j => j.First > j.Last))
        {
            var kept = _pending.Where(j => j.First <= j.Last).ToList();
            _pending.Clear();
            kept.ForEach(_pending.Enqueue);
        }
    }
}
