using System.Collections.Immutable;
using QueueBoard.Abstractions.Model;

using QueueBoard.Grains.Persistence;

namespace QueueBoard.Grains.History;

/// <summary>
/// A per-minute record of a lane or a site for the last day and a bit: arrivals and services summed by the minute of the
/// event, and the queue and wait last seen in each minute. Kept as its own grain state and written once a minute, so the
/// hot write on every event stays small. Minutes nobody recorded read as zero flow at the last known level. It also keeps
/// the span of hours the grain's <see cref="WeekArchive"/> stored and has not cleared, two numbers, so that an activation
/// after any idle spell clears exactly those.
/// </summary>
[GenerateSerializer]
public sealed class MinuteHistory : IDirtyTracked
{
    /// <summary>How many minutes are kept: a full day plus an hour, so a day's report never misses its first minute.</summary>
    public const int Capacity = (25 * 60) + 1;

    [Id(0)] public Dictionary<long, MinuteBucket> Buckets { get; set; } = [];

    /// <summary>The first unix hour the week archive may still hold; null in a state from before it was kept.</summary>
    [Id(1)] public long? FirstStoredHour { get; set; }

    /// <summary>The last unix hour the week archive stored; null in a state from before it was kept.</summary>
    [Id(2)] public long? LastStoredHour { get; set; }

    [NonSerialized]
    private bool _isDirty;

    /// <summary>Set by every change and cleared by the grain once written; never stored.</summary>
    public bool IsDirty
    {
        get => _isDirty;
        set => _isDirty = value;
    }

    public static long MinuteOf(DateTimeOffset instant) => instant.ToUnixTimeSeconds() / 60;

    /// <summary>The earliest minute anything was recorded in, among those kept; null when nothing is.</summary>
    public DateTimeOffset? FirstRecorded => Buckets.Count == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(Buckets.Keys.Min() * 60);

    /// <summary>Notes an hour the week archive stored.</summary>
    public void HourStored(long hour)
    {
        if (FirstStoredHour is null || hour < FirstStoredHour)
        {
            FirstStoredHour = hour;
            IsDirty = true;
        }

        if (LastStoredHour is null || hour > LastStoredHour)
        {
            LastStoredHour = hour;
            IsDirty = true;
        }
    }

    /// <summary>Notes an hour the week archive cleared, with every hour before it.</summary>
    public void HourCleared(long hour)
    {
        if (FirstStoredHour <= hour)
        {
            FirstStoredHour = hour + 1;
            IsDirty = true;
        }
    }

    /// <summary>Adds flows to the minute of <paramref name="at"/>, unless that minute is no longer kept.</summary>
    public void AddFlow(DateTimeOffset at, int arrived, int served, DateTimeOffset now)
    {
        var minute = MinuteOf(at);
        if (minute <= MinuteOf(now) - Capacity || (arrived == 0 && served == 0))
        {
            return;
        }

        var bucket = BucketAt(minute);
        bucket.Arrived = Counts.Saturated((long)bucket.Arrived + arrived);
        bucket.Served = Counts.Saturated((long)bucket.Served + served);
        IsDirty = true;
    }

    /// <summary>
    /// Records the level now; the last one recorded in a minute is that minute's end. A site also records which of its
    /// lanes are open (<see cref="MinuteBucket.OpenLanes"/>), for the minutes each lane was open in its reports.
    /// </summary>
    public void SetLevel(DateTimeOffset now, int queueLength, int? waitMinutes, long? openLanes = null)
    {
        var bucket = BucketAt(MinuteOf(now));
        if (bucket.QueueLength == queueLength && bucket.WaitMinutes == waitMinutes && bucket.OpenLanes == openLanes)
        {
            return;
        }

        bucket.QueueLength = queueLength;
        bucket.WaitMinutes = waitMinutes;
        bucket.OpenLanes = openLanes;
        IsDirty = true;
    }

    /// <summary>One point per minute, oldest first, ending with the minute of <paramref name="now"/>.</summary>
    public ImmutableArray<HistoryPoint> Read(DateTimeOffset now, int minutes) => [.. ReadLevels(now, minutes).Select(m => m.Point)];

    /// <summary>
    /// As <see cref="Read"/>, with the lanes open at each minute's end (0 where nothing was recorded yet).
    /// </summary>
    public ImmutableArray<(HistoryPoint Point, long OpenLanes)> ReadLevels(DateTimeOffset now, int minutes)
    {
        var last = MinuteOf(now);
        var first = last - minutes + 1;

        // The level carried into the window is the last one recorded before it.
        var carryMinute = long.MinValue;
        (int Queue, int? Wait, long Open) carry = (0, null, 0);
        foreach (var (minute, bucket) in Buckets)
        {
            if (minute < first && minute > carryMinute && bucket.QueueLength is { } queue)
            {
                carryMinute = minute;
                carry = (queue, bucket.WaitMinutes, bucket.OpenLanes ?? 0);
            }
        }

        var points = ImmutableArray.CreateBuilder<(HistoryPoint, long)>(minutes);
        for (var minute = first; minute <= last; minute++)
        {
            Buckets.TryGetValue(minute, out var bucket);
            if (bucket?.QueueLength is { } queue)
            {
                carry = (queue, bucket.WaitMinutes, bucket.OpenLanes ?? 0);
            }

            points.Add((new HistoryPoint(
                DateTimeOffset.FromUnixTimeSeconds(minute * 60),
                bucket?.Arrived ?? 0,
                bucket?.Served ?? 0,
                carry.Queue,
                carry.Wait), carry.Open));
        }

        return points.MoveToImmutable();
    }

    private MinuteBucket BucketAt(long minute)
    {
        if (!Buckets.TryGetValue(minute, out var bucket))
        {
            bucket = new MinuteBucket();
            Buckets[minute] = bucket;
            Prune(minute);
        }

        return bucket;
    }

    /// <summary>Drops minutes older than the kept span; runs when a minute is first recorded, so about once a minute.</summary>
    private void Prune(long newestMinute)
    {
        foreach (var minute in Buckets.Keys.Where(m => m <= newestMinute - Capacity).ToList())
        {
            Buckets.Remove(minute);
        }
    }
}
