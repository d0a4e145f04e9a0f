using QueueBoard.Abstractions.Model;

namespace QueueBoard.Accuracy;

/// <summary>A lead's tap as the lead console would send it: the event, and the second it can leave the phone.</summary>
public sealed record Tap(LaneEvent Event, int SendableAt);
