using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace QueueBoard.Testing;

/// <summary>
/// Finds a loopback port nothing listens on, so each test app gets Orleans ports of its own. The ports come from below the
/// kernel's ephemeral range: a port the kernel handed out could, while a test's node is stopped, become the local end of
/// any outgoing connection on the machine, and the node could not start on it again. Each test process starts in a block
/// of its own, so that test projects running side by side rarely try the same port; one found in use is skipped.
/// </summary>
public static class FreePort
{
    private const int Lowest = 10_000;
    private const int BlockSize = 500;

    private static readonly int Span = Math.Max(0, EphemeralStart() - Lowest);
    private static int _taken = Span >= BlockSize ? Environment.ProcessId % (Span / BlockSize) * BlockSize : 0;

    public static int Next()
    {
        if (Span < BlockSize)
        {
            return KernelPicked();
        }

        for (var attempt = 0; attempt < Span; attempt++)
        {
            var port = Lowest + (Interlocked.Increment(ref _taken) % Span);
            if (IsFree(port))
            {
                return port;
            }
        }

        return KernelPicked();
    }

    private static bool IsFree(int port)
    {
        try
        {
            // As the node's own start-up check binds it (PortGuard).
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.ExclusiveAddressUse = true;
            probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
            probe.Listen();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int KernelPicked()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The first port the kernel hands out on its own (32768 unless configured otherwise).</summary>
    private static int EphemeralStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(range[0], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 32_768;
        }
    }
}
