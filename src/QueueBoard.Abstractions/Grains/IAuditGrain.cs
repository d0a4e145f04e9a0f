using System.Collections.Immutable;
using Orleans.Concurrency;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Abstractions.Grains;

/// <summary>
/// One site's audit trail for one UTC day, keyed <c>siteId/yyyy-MM-dd</c>: the web host records every admin and lead
/// write here without waiting, and the admin API reads the last eight days back.
/// </summary>
public interface IAuditGrain : IGrainWithStringKey
{
    /// <summary>The action of a lead's event post; such lines from one code and address merge over a few minutes.</summary>
    const string EventsAction = "events";

    /// <summary>How many days, today included, a site's audit trail keeps.</summary>
    const int RetentionDays = 8;

    /// <summary>Records a write; one-way, so the write it describes never waits on its audit line.</summary>
    [OneWay]
    Task Record(AuditEntry entry);

    /// <summary>
    /// The day's entries, newest first. Not interleaved: a read waits behind the lines sent before it (a node sends what it
    /// gathered before it reads), where an interleaved read could overtake them while the grain writes its state.
    /// </summary>
    Task<ImmutableArray<AuditEntry>> GetEntries();

    /// <summary>Forgets the day: it has passed the retention period.</summary>
    Task Forget();

    /// <summary>Makes the grain key for a site's day.</summary>
    static string KeyOf(string siteId, DateOnly day) => $"{siteId}/{day:yyyy-MM-dd}";
}
