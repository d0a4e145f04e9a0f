namespace QueueBoard.Grains.Accuracy;

/// <summary>
/// People who joined a lane together (one <c>arrived</c> tap), numbered <see cref="First"/> to <see cref="Last"/> on the
/// lane's arrival curve, with the wait posted when they joined; <see cref="LaneCurve"/> settles them as serves pass them.
/// </summary>
public sealed class PendingJoin(long first, long last, int postedMinutes, DateTimeOffset joinedAt)
{
    public long First { get; set; } = first;
    public long Last { get; set; } = last;
    public int PostedMinutes { get; } = postedMinutes;
    public DateTimeOffset JoinedAt { get; } = joinedAt;
}
