using System.Collections.Immutable;

namespace QueueBoard.Abstractions.Model;

/// <summary>
/// Every site at one past minute, from the stored history: what <c>GET /api/v1/replay?at=</c> gives the command centre
/// when an operator scrubs back through a day.
/// </summary>
public sealed record ReplayFrame(DateTimeOffset Minute, ImmutableArray<ReplaySite> Sites);
