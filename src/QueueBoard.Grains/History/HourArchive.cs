using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Grains.History;

/// <summary>
/// Where a site or lane grain keeps its week of minutes (<paramref name="kind"/> names which, <paramref name="key"/> which
/// one): one <see cref="HourBlock"/> per hour under its own key in the configured
/// grain storage, written again each minute while its hour lasts and never after, so a day's history is 24 small records
/// rather than one growing one. Blocks older than <see cref="KeptFor"/> are cleared as the site passes them.
/// </summary>
public sealed class HourArchive(IServiceProvider services, string key, string kind = "site")
{
    /// <summary>How long hours are kept: a week, plus a day so that the seventh day back is whole in any time zone.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(8);

    private readonly string _stateName = $"{kind}-hours";
    private readonly GrainType _blockType = GrainType.Create($"queueboard-{kind}-hours");

    private readonly IGrainStorage _storage = services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);
    private readonly Dictionary<long, string?> _etags = [];

    /// <summary>
    /// Stores the hour that starts at unix hour <paramref name="hour"/> from the site's minute history, with its lanes'
    /// open masks read against <paramref name="lanesByBit"/>.
    /// </summary>
    public async Task WriteAsync(long hour, ImmutableArray<(HistoryPoint Point, long OpenLanes)> minutes, IReadOnlyList<string?> lanesByBit)
    {
        var block = new HourBlock { LaneMinutesOpen = OpenLaneMinutes.Count(minutes.Take(60).Select(m => m.OpenLanes), lanesByBit) };
        for (var i = 0; i < Math.Min(60, minutes.Length); i++)
        {
            var point = minutes[i].Point;
            block.Arrived[i] = point.Arrived;
            block.Served[i] = point.Served;
            block.Queue[i] = point.QueueLength;
            block.Wait[i] = point.WaitMinutes ?? HourBlock.NoWait;
        }

        if (!_etags.TryGetValue(hour, out var etag))
        {
            // Another activation may have written this hour already: take its version so that this write replaces it.
            var stored = new GrainState<HourBlock>();
            await _storage.ReadStateAsync(_stateName, BlockId(hour), stored);
            etag = stored.ETag;
        }

        var state = new GrainState<HourBlock>(block) { ETag = etag };
        try
        {
            await _storage.WriteStateAsync(_stateName, BlockId(hour), state);
        }
        catch
        {
            // A write that failed may still have been stored (a timeout after Redis applied it); the version kept here would
            // then be refused by every later write of the hour, and no later hour would ever be stored. Read it again.
            _etags.Remove(hour);
            throw;
        }

        _etags[hour] = state.ETag;
        foreach (var old in _etags.Keys.Where(h => h < hour - 2).ToList())
        {
            _etags.Remove(old);
        }
    }

    /// <summary>The minutes of the hour starting at unix hour <paramref name="hour"/>; zero flows and no wait where nothing was kept.</summary>
    public async Task<ImmutableArray<HistoryPoint>> ReadAsync(long hour) => (await ReadHourAsync(hour)).Minutes;

    /// <summary>
    /// The hour starting at unix hour <paramref name="hour"/>, from one read of its record: its minutes (as
    /// <see cref="ReadAsync"/>) and the lanes open in it with their minutes open.
    /// </summary>
    public async Task<DayRecord> ReadHourAsync(long hour)
    {
        var state = new GrainState<HourBlock>();
        await _storage.ReadStateAsync(_stateName, BlockId(hour), state);
        var block = state.RecordExists ? state.State : null;
        var start = DateTimeOffset.FromUnixTimeSeconds(hour * 3600);
        return new DayRecord(
            [.. Enumerable.Range(0, 60).Select(i => new HistoryPoint(
                start.AddMinutes(i),
                block?.Arrived[i] ?? 0,
                block?.Served[i] ?? 0,
                block?.Queue[i] ?? 0,
                block is null || block.Wait[i] == HourBlock.NoWait ? null : block.Wait[i]))],
            [.. block?.LaneMinutesOpen.Select(lane => new LaneHourOpen(start, lane.Key, lane.Value)) ?? []]);
    }

    public async Task ClearAsync(long hour)
    {
        var state = new GrainState<HourBlock>();
        await _storage.ReadStateAsync(_stateName, BlockId(hour), state);
        if (state.RecordExists)
        {
            await _storage.ClearStateAsync(_stateName, BlockId(hour), state);
        }
    }

    public static long HourOf(DateTimeOffset instant) => instant.ToUnixTimeSeconds() / 3600;

    private GrainId BlockId(long hour) => GrainId.Create(_blockType, $"{key}/{hour}");
}
