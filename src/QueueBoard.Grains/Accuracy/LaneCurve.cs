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

    // People of the oldest join that serves have already settled: the join stays whole in the queue until its last is served.
    private long _oldestSettled;
    private long _arrived = queueLength;
    private long _served;

    /// <summary>People joined, each with the wait posted to them, or without one (null) when none was posted or it is unknown.</summary>
    public void Arrived(int count, int? postedMinutes, DateTimeOffset at)
    {
        if (postedMinutes is { } posted)
        {
            if (_pending.Count == MaximumPending)
            {
                DropOldest();
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
        while (_pending.TryPeek(out var join) && join.First + _oldestSettled <= _served)
        {
            var first = join.First + _oldestSettled;
            var people = (int)(Math.Min(join.Last, _served) - first + 1);
            var actual = Math.Max(0, (at - join.JoinedAt).TotalMinutes);
            settle(people, join.PostedMinutes - actual);
            _oldestSettled += people;
            if (first + people > join.Last)
            {
                DropOldest();
            }
        }
    }

    /// <summary>A head count: the lead's count wins, and joins beyond it can no longer be told apart.</summary>
    public void Counted(int queueLength)
    {
        _arrived = _served + queueLength;
        if (!_pending.Any(j => j.Last > _arrived))
        {
            return;
        }

        var joins = _pending.ToArray();
        _pending.Clear();
        for (var i = 0; i < joins.Length; i++)
        {
            var first = i == 0 ? joins[i].First + _oldestSettled : joins[i].First;
            var last = joins[i].Last > _arrived ? Math.Max(first - 1, _arrived) : joins[i].Last;
            if (first <= last)
            {
                _pending.Enqueue(joins[i] with { First = first, Last = last });
            }
        }

        _oldestSettled = 0;
    }

    private void DropOldest()
    {
        _pending.Dequeue();
        _oldestSettled = 0;
    }
}
