using QueueBoard.Abstractions.Model;

namespace QueueBoard.Grains.Estimation;

/// <summary>
/// What <see cref="WaitEstimator"/> says of one lane: the wait for a person joining now, its likely range, and the planned
/// pause it includes, if any. All null when the lane has no wait (not open, or outside opening hours).
/// </summary>
public sealed record WaitEstimate(int? Minutes, int? Low, int? High, PauseWindow? PauseAhead)
{
    public static WaitEstimate None { get; } = new(null, null, null, null);

    public static WaitEstimate Zero { get; } = new(0, 0, 0, null);
}
