using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace QueueBoard.Web.Limits;

/// <summary>
/// Kestrel's caps on connections held at once, from <c>QueueBoard:Limits</c> or, by default, from the process's open-file
/// limit (<see cref="OpenFileLimit"/>), so that a flood of watchers is refused rather than taking the node down.
/// </summary>
public static class ConnectionLimits
{
    public static void Apply(KestrelServerLimits kestrel, RequestLimitOptions limits, long? openFiles)
    {
        kestrel.MaxConcurrentConnections = Chosen(limits.MaxHttpConnections, WorkedOut(openFiles).Http);
        kestrel.MaxConcurrentUpgradedConnections = WebSockets(limits, openFiles);
    }

    /// <summary>
    /// The watchers the node holds at once, null for no cap. Kestrel applies it to WebSockets upgraded from HTTP/1.1 and
    /// <see cref="HubConnectionCounter"/> to hub connections over any transport.
    /// </summary>
    public static long? WebSockets(RequestLimitOptions limits, long? openFiles) =>
        Chosen(limits.MaxWebSockets, WorkedOut(openFiles).Upgraded);

    private static (long Http, long Upgraded) WorkedOut(long? openFiles) =>
        openFiles is { } files ? OpenFileLimit.Connections(files) : (0, 0);

    // Configured wins; else the worked-out figure; else (no limit to read) Kestrel's own default, none.
    private static long? Chosen(long configured, long workedOut) =>
        configured > 0 ? configured : workedOut > 0 ? workedOut : null;
}
