namespace QueueBoard.Abstractions.Model;

/// <summary>The kinds of lane events that site leads (and the demo simulator) post.</summary>
public enum LaneEventType
{
    /// <summary>People joined the lane's queue.</summary>
    Arrived,

    /// <summary>People were sampled and left.</summary>
    Served,

    /// <summary>A head count that replaces the queue length.</summary>
    Queue,

    /// <summary>The lane was opened, paused or closed.</summary>
    Status,
}
