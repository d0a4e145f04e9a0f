using System.Collections.Concurrent;
using System.Collections.Immutable;
using QueueBoard.Abstractions.Grains;
using QueueBoard.Abstractions.Model;
using QueueBoard.Web.Auth;
using QueueBoard.Web.Limits;

namespace QueueBoard.Web.Audit;

/// <summary>
/// Records admin and lead writes in each site's audit trail (<see cref="IAuditGrain"/>): who by role and non-secret code
/// id, from which address, what and when. Recording never waits, and the admin API reads the last eight days back.
/// </summary>
public sealed class AuditTrail(IGrainFactory grains, TimeProvider time)
{
    public const int DefaultLimit = 200;
    public const int MaximumLimit = 5000;

    // References made once per site-day (GetGrain reflects on the interface on every call, and every lead post records a
    // line); emptied now and then, since yesterday's are never needed again.
    private const int CachedGrains = 10_000;
    private readonly ConcurrentDictionary<string, IAuditGrain> _grains = new(StringComparer.Ordinal);

    public void Record(HttpContext context, string siteId, string action, int events = 0, string? detail = null)
    {
        var now = time.GetUtcNow();
        var who = context.User.IsInRole(QueueBoardClaims.AdminRole)
            ? "admin"
            : LeadCodes.IdOfBearer(context.Request) is { } id ? $"lead:{id}" : "unknown";
        var entry = new AuditEntry(now, now, who, ClientAddress.Of(context), action, 1, events, detail);
        _ = Day(IAuditGrain.KeyOf(siteId, DateOnly.FromDateTime(now.UtcDateTime))).Record(entry);
    }

    private IAuditGrain Day(string key)
    {
        if (_grains.Count >= CachedGrains)
        {
            _grains.Clear();
        }

        return _grains.GetOrAdd(key, static (k, factory) => factory.GetGrain<IAuditGrain>(k), grains);
    }

    public void RecordEvents(HttpContext context, string siteId, int accepted) => Record(context, siteId, IAuditGrain.EventsAction, accepted);

    /// <summary>The site's entries from the last <see cref="IAuditGrain.RetentionDays"/> days, newest first.</summary>
    public async Task<ImmutableArray<AuditEntry>> ReadAsync(string siteId, int limit)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var days = await Task.WhenAll(Enumerable.Range(0, IAuditGrain.RetentionDays)
            .Select(back => grains.GetGrain<IAuditGrain>(IAuditGrain.KeyOf(siteId, today.AddDays(-back))).GetEntries()));
        return [.. days.SelectMany(d => d).OrderByDescending(e => e.Until).Take(limit)];
    }
}
