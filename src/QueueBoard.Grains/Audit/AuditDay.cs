using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Persistence;

namespace QueueBoard.Grains.Audit;

/// <summary>The audit grain's stored state: one site-day's entries in the order they began, and how many were dropped.</summary>
[GenerateSerializer]
public sealed class AuditDay : IDirtyTracked
{
    [NonSerialized]
    private bool _isDirty;

    [Id(0)] public List<AuditEntry> Entries { get; set; } = [];

    /// <summary>Writes not recorded because the day already held <see cref="AuditGrain.MaximumEntries"/> lines.</summary>
    [Id(1)] public int Dropped { get; set; }

    /// <summary>Set by every line recorded and cleared by the grain once written; never stored.</summary>
    public bool IsDirty
    {
        get => _isDirty;
        set => _isDirty = value;
    }
}
