namespace QueueBoard.Load;

/// <summary>
/// What the node kept once the crowd had gone (<see cref="QuietSpell"/>): its memory as the last watcher left, at the
/// end of the spell and at its lowest sample, and the spell's minute means.
/// </summary>
public sealed record QuietResult(double Seconds, long StartBytes, long EndBytes, long LowestBytes, double ServerCores, IReadOnlyList<long> MinuteBytes);
