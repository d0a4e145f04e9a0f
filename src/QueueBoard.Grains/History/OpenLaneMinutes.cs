using System.Numerics;

namespace QueueBoard.Grains.History;

/// <summary>
/// Turns the open-lane masks a site records each minute (<see cref="Abstractions.Model.HistoryPoint"/>'s companions in
/// <see cref="MinuteHistory.ReadLevels"/>) into minutes open per lane, for the hour blocks and the day reports.
/// </summary>
public static class OpenLaneMinutes
{
    /// <summary>
    /// Bit i set when the lane at <paramref name="lanesByBit"/>[i] (see <see cref="LaneSlots"/>) is open by
    /// <paramref name="isOpen"/>.
    /// </summary>
    public static long Mask(IReadOnlyList<string?> lanesByBit, Func<string, bool> isOpen)
    {
        var mask = 0L;
        for (var i = 0; i < lanesByBit.Count && i < 64; i++)
        {
            if (lanesByBit[i] is { } lane && isOpen(lane))
            {
                mask |= 1L << i;
            }
        }

        return mask;
    }

    /// <summary>
    /// Minutes open per lane over <paramref name="masks"/>, one mask a minute, bit i counted for the lane at
    /// <paramref name="lanesByBit"/>[i]; lanes never open, and bits no lane has now, are left out.
    /// </summary>
    public static Dictionary<string, int> Count(IEnumerable<long> masks, IReadOnlyList<string?> lanesByBit)
    {
        var minutes = new int[Math.Min(64, lanesByBit.Count)];
        foreach (var mask in masks)
        {
            var bits = (ulong)mask;
            while (bits != 0)
            {
                var lane = BitOperations.TrailingZeroCount(bits);
                if (lane < minutes.Length)
                {
                    minutes[lane]++;
                }

                bits &= bits - 1;
            }
        }

        return minutes.Select((count, i) => (Lane: lanesByBit[i], count)).Where(x => x.count > 0 && x.Lane is not null).ToDictionary(x => x.Lane!, x => x.count);
    }
}
