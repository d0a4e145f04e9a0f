using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.SignalR.Client;

namespace QueueBoard.Testing;

/// <summary>
/// One QueueBoard node as its own process: the built <c>QueueBoard.Web.dll</c> started with <c>dotnet</c> from the
/// repository root, as the README shows, on fixed loopback ports so that it can be killed (SIGKILL) or stopped (SIGTERM) and
/// started again where clients expect it. Its console output is kept for the failure message.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    public const string AdminToken = "cluster-test-admin-token-0123456789abcdef";

    /// <summary>How many of the node's latest console lines are kept, for <see cref="LogTail"/> and <see cref="ConsoleLines"/>.</summary>
    public const int KeptLines = 2000;

    private readonly string[] _settings;
    private readonly ConcurrentQueue<string> _log = new();
    private Process? _process;

    /// <param name="name">How the node is named in failure messages.</param>
    /// <param name="settings">Command-line switches after the common ones, e.g. <c>--QueueBoard:Redis=...</c>.</param>
    public NodeProcess(string name, params string[] settings)
    {
        Name = name;
        _settings = settings;
    }

    public string Name { get; }

    public int HttpPort { get; } = FreePort.Next();

    public int SiloPort { get; } = FreePort.Next();

    public int GatewayPort { get; } = FreePort.Next();

    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}/");

    /// <summary>
    /// Whether the node also listens on <see cref="Http2Port"/> speaking HTTP/2 alone (cleartext, prior knowledge), where
    /// many WebSockets share one TCP connection (RFC 8441). Read when the node starts.
    /// </summary>
    public bool ListensForHttp2 { get; set; }

    public int Http2Port { get; } = FreePort.Next();

    public Uri Http2Address => new($"http://127.0.0.1:{Http2Port}/");

    /// <summary>Environment variables the process starts with besides this one's; read when the node starts.</summary>
    public Dictionary<string, string> Variables { get; } = [];

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The running process's id, for measuring its CPU and memory; null before it starts.</summary>
    public int? ProcessId => IsRunning ? _process!.Id : null;

    /// <summary>A node of a Redis cluster: Production, the given cluster and service id, advertised on loopback.</summary>
    public static NodeProcess InCluster(string name, string redis, string clusterId, params string[] more) => new(
        name,
        [
            "--environment", "Production",
            $"--QueueBoard:AdminToken={AdminToken}",
            $"--QueueBoard:Redis={redis}",
            $"--QueueBoard:ClusterId={clusterId}",
            $"--QueueBoard:ServiceId={clusterId}",
            "--QueueBoard:AdvertisedAddress=127.0.0.1",
            .. more,
        ]);

    /// <summary>Starts the process and waits until <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync(TimeSpan? timeout = null)
    {
        if (!File.Exists(RepositoryPaths.WebDll))
        {
            throw new InvalidOperationException($"{RepositoryPaths.WebDll} is missing: build the solution first.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Endpoints named in Kestrel's configuration replace --urls, so with the HTTP/2 port both are named there.
        string[] endpoints = ListensForHttp2
            ?
            [
                $"--Kestrel:Endpoints:Http:Url={BaseAddress.ToString().TrimEnd('/')}",
                $"--Kestrel:Endpoints:Http2:Url={Http2Address.ToString().TrimEnd('/')}",
                "--Kestrel:Endpoints:Http2:Protocols=Http2",
            ]
            : ["--urls", BaseAddress.ToString().TrimEnd('/')];
        foreach (var argument in (string[])[
            RepositoryPaths.WebDll,
            .. endpoints,
            $"--QueueBoard:SiloPort={SiloPort.ToString(CultureInfo.InvariantCulture)}",
            $"--QueueBoard:GatewayPort={GatewayPort.ToString(CultureInfo.InvariantCulture)}",
            .. _settings])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        foreach (var (variable, value) in Variables)
        {
            start.Environment[variable] = value;
        }
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitReadyAsync(timeout ?? TimeSpan.FromSeconds(60));
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200; fails with the node's output if it exits or times out.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var client = Anonymous();
        client.Timeout = TimeSpan.FromSeconds(5);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process is null || _process.HasExited)
            {
                throw new InvalidOperationException($"Node {Name} exited during start-up:\n{LogTail()}");
            }

            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Node {Name} was not ready within {timeout}:\n{LogTail()}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>kill -9: the node vanishes without leaving the cluster or writing anything.</summary>
    public async Task KillAsync()
    {
        if (_process is not null)
        {
            await ProcessSignals.KillAsync(_process);
            _process.Dispose();
            _process = null;
        }
    }

    /// <summary>A graceful stop (SIGTERM), as compose or Kubernetes would: grains deactivate and write what they hold.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await ProcessSignals.TerminateAsync(_process, TimeSpan.FromSeconds(45));
            _process.Dispose();
            _process = null;
        }
    }

    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public HttpClient WithToken(string token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Admin() => WithToken(AdminToken);

    public HubConnection Hub() => new HubConnectionBuilder().WithUrl(new Uri(BaseAddress, "/hubs/queue")).Build();

    /// <summary>The last lines the node wrote, for failure messages.</summary>
    public string LogTail(int lines = 60) => string.Join('\n', _log.TakeLast(lines));

    /// <summary>The node's last console lines as it wrote them (empty ones left out), without the name its log keeps each behind.</summary>
    public List<string> ConsoleLines(int lines = 200) => [.. _log.TakeLast(lines).Select(line => line[(Name.Length + 3)..]).Where(line => line.Length > 0)];

    public async ValueTask DisposeAsync() => await KillAsync();

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _log.Enqueue($"[{Name}] {line}");
        while (_log.Count > KeptLines && _log.TryDequeue(out _))
        {
        }
    }
}
