namespace QueueBoard.Abstractions.Model;

/// <summary>Whether a lane is sampling now; set by site leads through status events.</summary>
public enum LaneStatus
{
    /// <summary>Swabbers are sampling; the lane has a wait.</summary>
    Open,

    /// <summary>A meal break, restock or shift change: people may stay queued, but nobody is served.</summary>
    Paused,

    /// <summary>The lane is not staffed.</summary>
    Closed,
}
