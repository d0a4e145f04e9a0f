using System.Collections.Immutable;
using QueueBoard.Abstractions.Grains;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Persistence;

namespace QueueBoard.Grains.Audit;

/// <summary>
/// A site-day of its audit trail (<see cref="IAuditGrain"/>). Lines arrive one-way from the web host; a lead's event
/// posts from one address merge into one line per <see cref="MergeWindow"/>, and the day is written at most every
/// <see cref="WriteInterval"/> and when the grain deactivates, never on the write path it records. With a day's first line the
/// days that have left the retention period (<see cref="IAuditGrain.RetentionDays"/>) are forgotten. Lines are kept on a
/// best-effort basis: a node that dies loses at most the last <see cref="WriteInterval"/> of them, while a write that
/// fails is made again on the next tick rather than dropped.
/// </summary>
public sealed class AuditGrain(
    [PersistentState("audit", GrainStorage.Name)] IPersistentState<AuditDay> state) : Grain, IAuditGrain
{
    /// <summary>Lead lines a day may hold; admin lines are always kept.</summary>
    public const int MaximumEntries = 5000;
    public static readonly TimeSpan MergeWindow = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan WriteInterval = TimeSpan.FromSeconds(10);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(state.WriteIfDirtyAsync, WriteInterval, WriteInterval);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        state.WriteIfDirtyAsync(cancellationToken);

    public async Task Record(AuditEntry entry)
    {
        var entries = state.State.Entries;
        var first = entries.Count == 0 && state.State.Dropped == 0;
        var lead = entry.Action == IAuditGrain.EventsAction;
        var merge = lead
            ? entries.FindLastIndex(e => e.Action == IAuditGrain.EventsAction && e.Who == entry.Who && e.Address == entry.Address && entry.At - e.At < MergeWindow)
            : -1;
        if (merge >= 0)
        {
            entries[merge] = entries[merge].FollowedBy(entry);
        }
        else if (!lead || entries.Count < MaximumEntries)
        {
            entries.Add(entry);
        }
        else
        {
            state.State.Dropped++;
        }

        state.State.IsDirty = true;
        if (first)
        {
            // A day's first line clears the week of days that have left the retention period (only writes do this, so
            // forgetting a day never wakes an older one, and a site quiet on some days still has each day cleared).
            await ForgetExpiredDaysAsync();
        }
    }

    public Task<ImmutableArray<AuditEntry>> GetEntries() =>
        Task.FromResult(state.State.Entries.OrderByDescending(e => e.Until).ToImmutableArray());

    public async Task Forget()
    {
        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }

        state.State.IsDirty = false;
        DeactivateOnIdle();
    }

    private async Task ForgetExpiredDaysAsync()
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.LastIndexOf('/');
        if (!DateOnly.TryParseExact(key[(slash + 1)..], "yyyy-MM-dd", out var day))
        {
            return;
        }

        try
        {
            await Task.WhenAll(Enumerable.Range(IAuditGrain.RetentionDays, 7)
                .Select(back => GrainFactory.GetGrain<IAuditGrain>(IAuditGrain.KeyOf(key[..slash], day.AddDays(-back))).Forget()));
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            // Tried again with the next day's first line; the line just recorded is kept either way.
        }
    }
}
