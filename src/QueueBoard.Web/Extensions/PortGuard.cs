using System.Net;
using System.Net.Sockets;

namespace QueueBoard.Web.Extensions;

/// <summary>
/// Refuses to start an Orleans node on ports another process already holds. Without this, a second node on the same
/// machine and ports can come up as a separate one-node cluster and silently serve its own, different picture.
/// </summary>
public static class PortGuard
{
    public static void EnsureFree(int port, string switchName)
    {
        try
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.ExclusiveAddressUse = true;
            probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
            probe.Listen();
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            throw new InvalidOperationException(
                $"Port {port} ({switchName}) is already in use, probably by another QueueBoard node on this machine. " +
                $"Give each node its own ports, e.g. --QueueBoard:SiloPort=11112 --QueueBoard:GatewayPort=30001.", ex);
        }
    }
}
