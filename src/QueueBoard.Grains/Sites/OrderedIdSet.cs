using System.Runtime.InteropServices;

namespace QueueBoard.Grains.Sites;

/// <summary>
/// The set behind <see cref="RecentIds"/>: event ids in the order they were accepted, removed oldest first, with a
/// constant-time membership check. A busy district day leaves millions of ids in memory, so each costs its 16 bytes in
/// fixed blocks plus a 4-byte slot of an open-addressing index at most three-quarters full: about 22 bytes, where a
/// hash set and a queue of <see cref="Guid"/>s took 45 to 90.
/// </summary>
/// <remarks>
/// The index holds no ids, only positions in the blocks (offset from <see cref="_base"/>, plus one so that zero means
/// empty); lookups compare the id at that position. Deletion shifts later entries of the same probe run back, so
/// no tombstones build up as ids come and go all day.
/// </remarks>
public sealed class OrderedIdSet
{
    private const int BlockShift = 12;
    private const int BlockSize = 1 << BlockShift;
    private const int SmallestIndex = 16;

    // Under 85,000 bytes, so blocks stay off the large-object heap and are collected young when a quiet site empties.
    private readonly List<Guid[]> _blocks = [];
    private readonly long _rebaseAfter;
    private int[] _index = new int[SmallestIndex];
    private long _firstBlockStart;
    private long _oldest;
    private long _next;
    private long _base;

    public OrderedIdSet()
        : this(int.MaxValue - 1)
    {
    }

    /// <summary>Tests pass a small <paramref name="rebaseAfter"/> to reach the index rebuild that keeps offsets in an int.</summary>
    internal OrderedIdSet(long rebaseAfter) => _rebaseAfter = rebaseAfter;

    public int Count => (int)(_next - _oldest);

    public bool Contains(Guid id) => Find(id) >= 0;

    /// <summary>Adds <paramref name="id"/> as the newest; false when it is already held.</summary>
    public bool Add(Guid id)
    {
        if (Contains(id))
        {
            return false;
        }

        if (_next - _base >= _rebaseAfter)
        {
            _base = _oldest;
            Rebuild(_index.Length);
        }

        if ((_next - _firstBlockStart) >> BlockShift == _blocks.Count)
        {
            _blocks.Add(new Guid[BlockSize]);
        }

        At(_next) = id;
        _next++;
        if (Count * 4 > _index.Length * 3)
        {
            Rebuild(_index.Length * 2);
        }
        else
        {
            Place(_next - 1);
        }

        return true;
    }

    /// <summary>Removes and returns the oldest id.</summary>
    public Guid RemoveOldest()
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("The set is empty.");
        }

        var id = At(_oldest);
        var slot = Find(id);
        _oldest++;
        Unplace(slot);
        if (_oldest - _firstBlockStart == BlockSize)
        {
            _blocks.RemoveAt(0);
            _firstBlockStart += BlockSize;
        }

        return id;
    }

    /// <summary>Gives back the index's spare room once most ids have gone (a quiet night after a busy day).</summary>
    public void TrimExcess()
    {
        var size = SmallestIndex;
        while (Count * 4 > size * 3)
        {
            size *= 2;
        }

        if (size < _index.Length)
        {
            Rebuild(size);
        }

        _blocks.TrimExcess();
    }

    private ref Guid At(long position)
    {
        var offset = position - _firstBlockStart;
        return ref _blocks[(int)(offset >> BlockShift)][offset & (BlockSize - 1)];
    }

    private int Home(Guid id)
    {
        var halves = MemoryMarshal.Cast<Guid, ulong>(MemoryMarshal.CreateReadOnlySpan(ref id, 1));

        // Seeded per process, so ids crafted to collide cannot turn one site's lookups into long scans.
        return HashCode.Combine(halves[0], halves[1]) & (_index.Length - 1);
    }

    /// <summary>The index slot that holds <paramref name="id"/>, or -1.</summary>
    private int Find(Guid id)
    {
        var mask = _index.Length - 1;
        for (var slot = Home(id); ; slot = (slot + 1) & mask)
        {
            var entry = _index[slot];
            if (entry == 0)
            {
                return -1;
            }

            if (At(_base + entry - 1) == id)
            {
                return slot;
            }
        }
    }

    private void Place(long position)
    {
        var mask = _index.Length - 1;
        var slot = Home(At(position));
        while (_index[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        _index[slot] = (int)(position - _base) + 1;
    }

    /// <summary>Empties <paramref name="slot"/> and moves back any later entry of the run that would no longer be found.</summary>
    private void Unplace(int slot)
    {
        var mask = _index.Length - 1;
        var hole = slot;
        for (var next = (hole + 1) & mask; _index[next] != 0; next = (next + 1) & mask)
        {
            var home = Home(At(_base + _index[next] - 1));

            // An entry may move into the hole only if its home is not cyclically within (hole, next].
            var homeAfterHole = hole <= next ? home > hole && home <= next : home > hole || home <= next;
            if (!homeAfterHole)
            {
                _index[hole] = _index[next];
                hole = next;
            }
        }

        _index[hole] = 0;
    }

    private void Rebuild(int size)
    {
        _index = new int[size];
        for (var position = _oldest; position < _next; position++)
        {
            Place(position);
        }
    }
}
