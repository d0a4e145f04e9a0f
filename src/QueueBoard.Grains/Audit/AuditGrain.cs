using System.Collections.Immutable;
using QueueBoard.Abstractions.Grains;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Persistence;

namespace QueueBoard.Grains.Audit;

/// <summary>
/// A site-day of its audit trail (<see cref="IAuditGrain"/>). Lines arrive one-way from the web host; a lead's event
/// posts from one address merge into one line per <see cref="MergeWindow"/>, and the day is written at most every
/// <see cref="WriteInterval"/> and when the grain deactivates, never on the write path it records. On activation the
/// day that has just left the <see cref="Retention"/> period is forgotten.
/// </summary>
public sealed class AuditGrain(
    [PersistentState("audit", GrainStorage.Name)] IPersistentState<AuditDay> state) : Grain, IAuditGrain
{
    public const int MaximumEntries = 5000;
    public const string EventsAction = "events";
    public static readonly TimeSpan MergeWindow = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan WriteInterval = TimeSpan.FromSeconds(10);
    public static readonly int Retention = 8;

    private bool _dirty;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(_ => WriteIfDirtyAsync(), WriteInterval, WriteInterval);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => WriteIfDirtyAsync();

    public async Task Record(AuditEntry entry)
    {
        var entries = state.State.Entries;
        if (entries.Count == 0 && state.State.Dropped == 0)
        {
            // A day's first line clears the day that has just left the retention period (only writes do this, so
            // forgetting a day never wakes an older one).
            await ForgetExpiredDayAsync();
        }

        var merge = entry.Action == EventsAction
            ? entries.FindLastIndex(e => e.Action == EventsAction && e.Who == entry.Who && e.Address == entry.Address && entry.At - e.At < MergeWindow)
            : -1;
        if (merge >= 0)
        {
            var into = entries[merge];
            entries[merge] = into with { Until = entry.Until, Requests = into.Requests + entry.Requests, Events = into.Events + entry.Events };
        }
        else if (entries.Count < MaximumEntries)
        {
            entries.Add(entry);
        }
        else
        {
            state.State.Dropped++;
        }

        _dirty = true;
    }

    public Task<ImmutableArray<AuditEntry>> GetEntries() =>
        Task.FromResult(state.State.Entries.OrderByDescending(e => e.Until).ToImmutableArray());

    public async Task Forget()
    {
        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }

        _dirty = false;
        DeactivateOnIdle();
    }

    private async Task ForgetExpiredDayAsync()
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.LastIndexOf('/');
        if (DateOnly.TryParseExact(key[(slash + 1)..], "yyyy-MM-dd", out var day))
        {
            await GrainFactory.GetGrain<IAuditGrain>(IAuditGrain.KeyOf(key[..slash], day.AddDays(-Retention))).Forget();
        }
    }

    private async Task WriteIfDirtyAsync()
    {
        if (_dirty)
        {
            _dirty = false;
            await state.WriteOrResetAsync(this);
        }
    }
}
