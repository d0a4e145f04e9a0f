namespace QueueBoard.Grains.Accuracy;

/// <summary>
/// People who joined a lane together (one <c>arrived</c> tap), numbered <see cref="First"/> to <see cref="Last"/> on the
/// lane's arrival curve, with the wait posted when they joined; <see cref="LaneCurve"/> settles them as serves pass them.
/// </summary>
/// <remarks>
/// A struct, held in the curve's queue itself: a district at its peak has hundreds of thousands of people waiting, and
/// as objects each group cost a header and a reference besides its 40 bytes.
/// </remarks>
public readonly record struct PendingJoin(long First, long Last, int PostedMinutes, DateTimeOffset JoinedAt);
