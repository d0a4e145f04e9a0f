using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace QueueBoard.Testing;

/// <summary>
/// A real <c>redis-server</c> on a free loopback port with its own data folder and an fsynced append-only file, as
/// QueueBoard's compose file runs it; it can be stopped and started again on the same port and data, and is stopped by
/// its PID when the test ends.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _executable;
    private Process? _process;

    private RedisServer(string executable)
    {
        _executable = executable;
        Port = FreePort.Next();
        DataDirectory = Directory.CreateTempSubdirectory("queueboard-redis-").FullName;
    }

    public int Port { get; }

    public string DataDirectory { get; }

    /// <summary>The server's process while it runs, for a load run to sample its memory.</summary>
    public int? ProcessId => _process?.Id;

    /// <summary>The <c>QueueBoard:Redis</c> value for this server.</summary>
    public string Address => $"127.0.0.1:{Port}";

    /// <summary>Starts a new, empty server; skips the test when redis-server is missing outside CI.</summary>
    public static async Task<RedisServer> StartNewAsync()
    {
        var server = new RedisServer(ExternalTool.Require("redis-server", "redis-server"));
        try
        {
            await server.StartAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts (again) on the same port and data folder, and waits until it answers PING.</summary>
    public async Task StartAsync()
    {
        _process = Process.Start(new ProcessStartInfo(_executable)
        {
            ArgumentList =
            {
                "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                "--dir", DataDirectory, "--appendonly", "yes", "--appendfsync", "always", "--save", string.Empty,
                "--protected-mode", "no", "--daemonize", "no", "--loglevel", "warning",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!await PingAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"redis-server did not start on port {Port} (exit {(_process.HasExited ? _process.ExitCode : -1)}).");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Shuts Redis down as an operator would (SIGTERM); everything acknowledged is already on disk.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await ProcessSignals.TerminateAsync(_process, TimeSpan.FromSeconds(20));
            _process.Dispose();
            _process = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await ProcessSignals.KillAsync(_process);
            _process.Dispose();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(2));
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException or TimeoutException)
        {
            return false;
        }
    }
}
