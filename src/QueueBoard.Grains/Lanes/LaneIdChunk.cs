using QueueBoard.Abstractions.Model;

namespace QueueBoard.Grains.Lanes;

/// <summary>
/// A sealed run of a lane's accepted event ids, stored once under its own key by <see cref="LaneIdArchive"/> when the
/// lane's recent ids fill up, and read back only when its site rebuilds its duplicate check or the run expires.
/// </summary>
[GenerateSerializer]
public sealed class LaneIdChunk
{
    /// <summary>Oldest first.</summary>
    [Id(0)] public List<SeenEvent> Ids { get; set; } = [];
}
