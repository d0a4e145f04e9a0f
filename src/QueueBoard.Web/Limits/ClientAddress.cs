using System.Net;
using System.Net.Sockets;

namespace QueueBoard.Web.Limits;

/// <summary>
/// The client address that limits and the audit trail go by: the connection's remote address, which the forwarded-headers
/// middleware has already replaced with the client's own when (and only when) the request came through a trusted proxy.
/// </summary>
public static class ClientAddress
{
    /// <summary>The address itself, for the audit trail.</summary>
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// What a per-address limit counts: an IPv4 address, or an IPv6 address's /64 network, since one ordinary IPv6
    /// customer holds a whole /64 and could otherwise take a fresh address for every request.
    /// </summary>
    public static string LimitKey(HttpContext context) => LimitKey(context.Connection.RemoteIpAddress);

    public static string LimitKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}
