using System.Collections.Concurrent;
using System.Collections.Immutable;
using QueueBoard.Abstractions.Grains;
using QueueBoard.Abstractions.Model;
using QueueBoard.Web.Auth;
using QueueBoard.Web.Limits;

namespace QueueBoard.Web.Audit;

/// <summary>
/// Records admin and lead writes in each site's audit trail (<see cref="IAuditGrain"/>): who by role and non-secret code
/// id, from which address, what and when. Recording never waits: admin lines go at once, lead event posts are gathered
/// for up to a second (<see cref="LeadPostTally"/>), and the admin API reads the last eight days back.
/// </summary>
public sealed class AuditTrail : IDisposable
{
    public const int DefaultLimit = 200;
    public const int MaximumLimit = 5000;
    public static readonly TimeSpan GatherFor = TimeSpan.FromSeconds(1);

    // References made once per site-day (GetGrain reflects on the interface on every call, and every lead post records a
    // line); emptied now and then, since yesterday's are never needed again.
    private const int CachedGrains = 10_000;
    private readonly ConcurrentDictionary<string, IAuditGrain> _grains = new(StringComparer.Ordinal);
    private readonly LeadPostTally _posts = new();
    private readonly IGrainFactory _factory;
    private readonly TimeProvider _time;
    private readonly ILogger<AuditTrail> _logger;
    private readonly ITimer _sendPosts;

    // One send at a time: a read that sends what was gathered must not overtake the timer's send still under way.
    private readonly Lock _sending = new();

    public AuditTrail(IGrainFactory grains, TimeProvider time, ILogger<AuditTrail> logger)
    {
        _factory = grains;
        _time = time;
        _logger = logger;

        // A node that stops on purpose sends what it gathered as its silo begins to stop (AuditFlushOnSiloStop).
        _sendPosts = time.CreateTimer(_ => SendPosts(), null, GatherFor, GatherFor);
    }

    public void Record(HttpContext context, string siteId, string action, string? detail = null)
    {
        var entry = Entry(context, action, 0, detail);
        _ = Day(siteId, DateOnly.FromDateTime(entry.At.UtcDateTime)).Record(entry);
    }

    public void RecordEvents(HttpContext context, string siteId, int accepted)
    {
        var entry = Entry(context, IAuditGrain.EventsAction, accepted, null);
        _posts.Add(siteId, DateOnly.FromDateTime(entry.At.UtcDateTime), entry);
    }

    public void Dispose() => _sendPosts.Dispose();

    private AuditEntry Entry(HttpContext context, string action, int events, string? detail)
    {
        var now = _time.GetUtcNow();
        var who = context.User.IsInRole(QueueBoardClaims.AdminRole)
            ? "admin"
            : LeadCodes.IdOfBearer(context) is { } id ? $"lead:{id}" : "unknown";
        return new AuditEntry(now, now, who, ClientAddress.Of(context), action, 1, events, detail);
    }

    /// <summary>Sends the audit grains every lead-post line gathered so far.</summary>
    public void SendPosts()
    {
        lock (_sending)
        {
            var failed = 0;
            Exception? last = null;
            foreach (var (siteId, day, line) in _posts.Drain())
            {
                try
                {
                    _ = Day(siteId, day).Record(line);
                }
                catch (Exception ex)
                {
                    // One line that cannot be sent (the node is stopping) does not take the others with it. Runs on a timer,
                    // where a throw would end the process; the trail says it is best effort.
                    (failed, last) = (failed + 1, ex);
                }
            }

            if (last is not null)
            {
                _logger.LogWarning("{Count} gathered audit line(s) could not be sent ({Error})", failed, last.GetBaseException().Message);
            }
        }
    }

    private IAuditGrain Day(string siteId, DateOnly day)
    {
        if (_grains.Count >= CachedGrains)
        {
            _grains.Clear();
        }

        return _grains.GetOrAdd(IAuditGrain.KeyOf(siteId, day), static (k, factory) => factory.GetGrain<IAuditGrain>(k), _factory);
    }

    /// <summary>The site's entries from the last <see cref="IAuditGrain.RetentionDays"/> days, newest first.</summary>
    public async Task<ImmutableArray<AuditEntry>> ReadAsync(string siteId, int limit)
    {
        // What this node has gathered goes first, so that a reader sees the posts it was told of.
        SendPosts();
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var days = await Task.WhenAll(Enumerable.Range(0, IAuditGrain.RetentionDays)
            .Select(back => Day(siteId, today.AddDays(-back)).GetEntries()));
        return [.. days.SelectMany(d => d).OrderByDescending(e => e.Until).Take(limit)];
    }
}
