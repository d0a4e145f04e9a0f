using QueueBoard.Abstractions.Model;

namespace QueueBoard.Grains.Audit;

/// <summary>The audit grain's stored state: one site-day's entries in the order they began, and how many were dropped.</summary>
[GenerateSerializer]
public sealed class AuditDay
{
    [Id(0)] public List<AuditEntry> Entries { get; set; } = [];

    /// <summary>Writes not recorded because the day already held <see cref="AuditGrain.MaximumEntries"/> lines.</summary>
    [Id(1)] public int Dropped { get; set; }
}
