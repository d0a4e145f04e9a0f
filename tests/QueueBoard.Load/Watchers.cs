using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;

namespace QueueBoard.Load;

/// <summary>
/// Opens many SignalR connections the way the screens do (WebSockets, JSON), a few dozen at a time with progress, and
/// closes them all at the end. With <c>http2</c> the WebSockets ride HTTP/2 (RFC 8441), many to a TCP connection.
/// </summary>
public sealed class Watchers(bool http2 = false) : IAsyncDisposable
{
    private readonly List<HubConnection> _connections = [];

    // One pool for every watcher, so that streams share connections; the server says how many fit on one.
    private readonly HttpMessageInvoker? _http2 = http2
        ? new(new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan })
        : null;

    public IReadOnlyList<HubConnection> Connections => _connections;

    public HubConnection Build(Uri hub) => new HubConnectionBuilder()
        .WithUrl(hub, o =>
        {
            // Straight to the WebSocket: each negotiation would leave a keep-alive connection open beside it, and the box's
            // limit of 20,000 open files per process counts both, on the server and here.
            o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            if (_http2 is { } invoker)
            {
                o.WebSocketFactory = (context, cancellation) => ConnectOverHttp2Async(invoker, context, cancellation);
            }
        })
        .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.None))
        .Build();

    private static async ValueTask<WebSocket> ConnectOverHttp2Async(HttpMessageInvoker invoker, WebSocketConnectionContext context, CancellationToken cancellation)
    {
        var socket = new ClientWebSocket();
        socket.Options.HttpVersion = HttpVersion.Version20;
        socket.Options.HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        try
        {
            await socket.ConnectAsync(context.Uri, invoker, cancellation);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Builds <paramref name="count"/> connections, each to the hub <paramref name="hub"/> names for its index, lets
    /// <paramref name="attach"/> add handlers, starts them and calls <paramref name="watch"/>.
    /// </summary>
    public Task<double> OpenAsync(Func<int, Uri> hub, int count, Action<int, HubConnection> attach, Func<int, HubConnection, Task> watch, Action<string> progress) =>
        ConnectionOpening.OpenAsync(0, count, _connections, async index =>
        {
            var connection = Build(hub(index));
            attach(index, connection);
            await connection.StartAsync();
            await watch(index, connection);
            return connection;
        }, "watchers", progress);

    public async ValueTask DisposeAsync()
    {
        foreach (var batch in _connections.Chunk(200))
        {
            await Task.WhenAll(batch.Select(c => c.DisposeAsync().AsTask()));
        }

        _http2?.Dispose();
    }
}
