namespace QueueBoard.Web.Limits;

/// <summary>
/// The client address that limits and the audit trail go by: the connection's remote address, which the forwarded-headers
/// middleware has already replaced with the client's own when (and only when) the request came through a trusted proxy.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
