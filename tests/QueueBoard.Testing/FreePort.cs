using System.Net;
using System.Net.Sockets;

namespace QueueBoard.Testing;

/// <summary>Finds a loopback port nothing listens on, so each test app gets Orleans ports of its own.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
