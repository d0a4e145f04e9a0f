namespace QueueBoard.Grains.History;

/// <summary>
/// Which bit of the open-lane masks a site records each minute (<see cref="OpenLaneMinutes"/>) each of its lanes has,
/// kept in the site's state. A lane keeps its bit however an operator reorders or removes the others, so the minutes it
/// was open stay its own in the day's report; read by position, moving lane 2 above lane 1 gave lane 2 lane 1's minutes.
/// A removed lane keeps its bit, and the minutes it was open, until all 64 are taken and a new lane needs one.
/// </summary>
public static class LaneSlots
{
    public const int Count = 64;

    /// <summary>
    /// The bits for <paramref name="laneIds"/>, keeping those in <paramref name="slots"/>. A site without any yet (stored
    /// before they existed) first gets the bits its masks were recorded with: the positions of <paramref name="recordedBy"/>.
    /// </summary>
    public static Dictionary<string, int> Assign(IReadOnlyDictionary<string, int>? slots, IReadOnlyList<string> recordedBy, IReadOnlyList<string> laneIds)
    {
        var assigned = slots is { Count: > 0 }
            ? new Dictionary<string, int>(slots, StringComparer.Ordinal)
            : recordedBy.Take(Count).Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var current = laneIds.ToHashSet(StringComparer.Ordinal);
        foreach (var id in laneIds.Where(id => !assigned.ContainsKey(id)))
        {
            var taken = assigned.Values.ToHashSet();
            var free = Enumerable.Range(0, Count).Where(bit => !taken.Contains(bit)).DefaultIfEmpty(-1).First();
            if (free < 0)
            {
                // At most 64 lanes are configured, so with every bit taken one belongs to a lane no longer there.
                var gone = assigned.First(slot => !current.Contains(slot.Key));
                assigned.Remove(gone.Key);
                free = gone.Value;
            }

            assigned[id] = free;
        }

        return assigned;
    }

    /// <summary>
    /// The lanes by bit: entry i is the lane whose bit is i, null where none is. Removed lanes keep theirs until it is
    /// given away, so the minutes they were open today still count in the day's report, as they do once stored by hour.
    /// </summary>
    public static string?[] ByBit(IReadOnlyDictionary<string, int> slots)
    {
        var byBit = new string?[slots.Count == 0 ? 0 : slots.Values.Max() + 1];
        foreach (var (id, bit) in slots)
        {
            byBit[bit] = id;
        }

        return byBit;
    }
}
