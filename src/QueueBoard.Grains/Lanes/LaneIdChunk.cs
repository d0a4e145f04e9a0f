using QueueBoard.Abstractions.Model;

namespace QueueBoard.Grains.Lanes;

/// <summary>
/// A sealed run of a lane's accepted event ids, stored once under its own key by <see cref="LaneIdArchive"/> when the
/// lane's recent ids fill up, and read back only when its site rebuilds its duplicate check or the run expires.
/// </summary>
/// <remarks>
/// The ids are packed as their 16 bytes each with one time for the run, its newest: a district day is millions of ids,
/// and an id with its own time took about 41 bytes in storage. A run is kept, and its ids checked against, until its
/// newest id is 24 hours old, so an id may be remembered a little longer than a day, never shorter. Runs stored before
/// packing carry <see cref="Ids"/> and are still read.
/// </remarks>
[GenerateSerializer]
public sealed class LaneIdChunk
{
    private const int IdBytes = 16;

    /// <summary>Oldest first; only in runs stored before ids were packed.</summary>
    [Id(0)] public List<SeenEvent> Ids { get; set; } = [];

    /// <summary>The ids' bytes, oldest first.</summary>
    [Id(1)] public byte[] Packed { get; set; } = [];

    /// <summary>When the newest id of <see cref="Packed"/> was accepted.</summary>
    [Id(2)] public DateTimeOffset Newest { get; set; }

    // A run stored before a field existed may read back without it, whatever the serializer does with initialisers.
    private byte[] PackedIds => Packed ?? [];

    private List<SeenEvent> OldIds => Ids ?? [];

    /// <summary>When the run's newest id was accepted (the earliest time for an empty run); the run expires 24 hours after.</summary>
    public DateTimeOffset NewestAcceptedAt => PackedIds.Length > 0 ? Newest : OldIds.Count > 0 ? OldIds[^1].AcceptedAt : DateTimeOffset.MinValue;

    public static LaneIdChunk Pack(IReadOnlyList<SeenEvent> ids)
    {
        // Guid's own byte order, so that nodes of any architecture read what another wrote.
        var packed = new byte[ids.Count * IdBytes];
        for (var i = 0; i < ids.Count; i++)
        {
            ids[i].Id.TryWriteBytes(packed.AsSpan(i * IdBytes, IdBytes));
        }

        return new() { Packed = packed, Newest = ids.Count > 0 ? ids[^1].AcceptedAt : DateTimeOffset.MinValue };
    }

    /// <summary>The run's ids, each as accepted at the run's newest time when packed.</summary>
    public IEnumerable<SeenEvent> Seen()
    {
        var packed = PackedIds;
        return packed.Length == 0
            ? OldIds
            : Enumerable.Range(0, packed.Length / IdBytes).Select(i => new SeenEvent(new Guid(packed.AsSpan(i * IdBytes, IdBytes)), Newest));
    }
}
