namespace QueueBoard.Abstractions.Model;

/// <summary>
/// One line of a site's audit trail: who (<c>admin</c>, or <c>lead:</c> and a lead code's non-secret id) did what from
/// which address, and when. A lead's event posts from one address are gathered into one line per ten minutes (how many
/// requests and events), so a busy day stays a few hundred lines; every admin write is a line of its own.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] DateTimeOffset Until,
    [property: Id(2)] string Who,
    [property: Id(3)] string Address,
    [property: Id(4)] string Action,
    [property: Id(5)] int Requests,
    [property: Id(6)] int Events,
    [property: Id(7)] string? Detail)
{
    /// <summary>
    /// This line with a <paramref name="later"/> one of the same lead and address gathered into it. "Later" is how it
    /// arrived, not always when it happened (two nodes, or a timer's send and a read's, can deliver out of order), so the
    /// line spans both and never moves back in time.
    /// </summary>
    public AuditEntry FollowedBy(AuditEntry later) => this with
    {
        At = later.At < At ? later.At : At,
        Until = later.Until > Until ? later.Until : Until,
        Requests = Requests + later.Requests,
        Events = Events + later.Events,
    };
}
