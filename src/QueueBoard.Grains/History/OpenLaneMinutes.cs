using System.Numerics;

namespace QueueBoard.Grains.History;

/// <summary>
/// Turns the open-lane masks a site records each minute (<see cref="Abstractions.Model.HistoryPoint"/>'s companions in
/// <see cref="MinuteHistory.ReadLevels"/>) into minutes open per lane, for the hour blocks and the day reports.
/// </summary>
public static class OpenLaneMinutes
{
    /// <summary>Bit i set for each lane at position i of <paramref name="laneIds"/> that <paramref name="isOpen"/> says is open.</summary>
    public static long Mask(IReadOnlyList<string> laneIds, Func<string, bool> isOpen)
    {
        var mask = 0L;
        for (var i = 0; i < laneIds.Count && i < 64; i++)
        {
            if (isOpen(laneIds[i]))
            {
                mask |= 1L << i;
            }
        }

        return mask;
    }

    /// <summary>Minutes open per lane over <paramref name="masks"/>, one mask a minute; lanes never open are left out.</summary>
    public static Dictionary<string, int> Count(IEnumerable<long> masks, IReadOnlyList<string> laneIds)
    {
        var minutes = new int[Math.Min(64, laneIds.Count)];
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

        return minutes.Select((count, i) => (laneIds[i], count)).Where(x => x.count > 0).ToDictionary(x => x.Item1, x => x.count);
    }
}
