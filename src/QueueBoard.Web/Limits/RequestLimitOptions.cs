using QueueBoard.Web.Validation;

namespace QueueBoard.Web.Limits;

/// <summary>
/// The <c>QueueBoard:Limits</c> section: how much one lead code, one client address and one hub connection may ask of a
/// node. The defaults sit far above what a busy site's real devices send (see docs/SECURITY.md) and far below what one
/// client needs to hurt everyone else. <c>QueueBoard:RateLimits=false</c> switches the request rates off for load tests.
/// </summary>
public sealed class RequestLimitOptions
{
    public const string Section = "QueueBoard:Limits";

    /// <summary>Writes per second one lead code may keep up; a phone taps about once every few seconds.</summary>
    public int LeadWritesPerSecond { get; set; } = 10;

    /// <summary>Writes one lead code may send at once: a phone's outbox flushing after an hour offline.</summary>
    public int LeadWriteBurst { get; set; } = 600;

    /// <summary>
    /// Events per second one lead code may keep up (<see cref="LeadEventBudget"/>): a busy site's lanes send one or two a
    /// second between them, and every id is kept for a day.
    /// </summary>
    public int LeadEventsPerSecond { get; set; } = 50;

    /// <summary>Events one lead code may send at once: hours of a site's taps from an outbox, and always one full batch.</summary>
    public int LeadEventBurst { get; set; } = 10_000;

    /// <summary>Writes per second from one client address (every lead of a site behind one NAT together).</summary>
    public int AddressWritesPerSecond { get; set; } = 50;

    public int AddressWriteBurst { get; set; } = 2000;

    /// <summary>Reads per second from one address: a carrier NAT can put thousands of residents' phones behind one.</summary>
    public int AddressReadsPerSecond { get; set; } = 500;

    public int AddressReadBurst { get; set; } = 5000;

    /// <summary>
    /// Reads per second from one address that ask every site, or a stored day (<see cref="RateLimitExtensions.HeavyReads"/>):
    /// one costs hundreds of grain calls or dozens of storage reads, where a board read costs one. A command centre loads
    /// the district's history once and replays a minute at a time.
    /// </summary>
    public int AddressHeavyReadsPerSecond { get; set; } = 5;

    public int AddressHeavyReadBurst { get; set; } = 60;

    /// <summary>Hub connections one client address may hold at once.</summary>
    public int HubConnectionsPerAddress { get; set; } = 2000;

    /// <summary>
    /// Plain HTTP connections the node holds at once; 0 (the default) works it out from the process's open-file limit
    /// (<see cref="OpenFileLimit"/>). Beyond it new connections wait in the listen queue or are refused.
    /// </summary>
    public long MaxHttpConnections { get; set; }

    /// <summary>
    /// Watchers (hub connections, over WebSockets or any other transport) the node holds at once; 0 (the default) works it
    /// out like the above.
    /// </summary>
    public long MaxWebSockets { get; set; }

    /// <summary>Sites one hub connection may watch at once: a phone expands a few, a wall one, the command centre none.</summary>
    public int WatchesPerConnection { get; set; } = 50;

    /// <summary>The largest message a hub client may send; every hub method takes one short id at most.</summary>
    public long HubMessageBytes { get; set; } = 4 * 1024;

    /// <summary>Hub calls per second one connection may keep up: a page watches a few things after each (re)connect.</summary>
    public int HubCallsPerSecond { get; set; } = 10;

    /// <summary>Hub calls one connection may make at once: a board phone expanding many sites in a row.</summary>
    public int HubCallBurst { get; set; } = 100;

    /// <summary>
    /// Hub calls per second one client address may keep up over all its connections: a carrier NAT's phones watching the
    /// board and a site or two each.
    /// </summary>
    public int HubCallsPerAddressPerSecond { get; set; } = 1000;

    /// <summary>Hub calls one address may make at once: its thousands of phones watching again after a node restart.</summary>
    public int HubCallAddressBurst { get; set; } = 20_000;

    /// <summary>Every rate, burst and size above 0; the connection caps 0 (worked out from the open-file limit) or more.</summary>
    public static bool AreValid(RequestLimitOptions o) =>
        o is { LeadWritesPerSecond: > 0, LeadWriteBurst: > 0, LeadEventsPerSecond: > 0, AddressWritesPerSecond: > 0, AddressWriteBurst: > 0, AddressReadsPerSecond: > 0 }
        && o is { AddressReadBurst: > 0, AddressHeavyReadsPerSecond: > 0, AddressHeavyReadBurst: > 0, HubConnectionsPerAddress: > 0, WatchesPerConnection: > 0, HubMessageBytes: > 0, HubCallsPerSecond: > 0, HubCallBurst: > 0 }
        && o is { HubCallsPerAddressPerSecond: > 0, HubCallAddressBurst: > 0 }
        && o is { MaxHttpConnections: >= 0, MaxWebSockets: >= 0 }
        && o.LeadEventBurst >= EventBatchValidator.MaximumEvents;
}
