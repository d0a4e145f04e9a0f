using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace QueueBoard.Load;

/// <summary>
/// A phone the harness counts but does not time (<c>--light-phones</c>): one WebSocket speaking SignalR's JSON protocol
/// by hand. It makes the same watch call a <c>HubConnection</c> would and the server does the same work for it, but it
/// only counts the pushes it receives instead of parsing each one, so that tens of thousands of them leave this shared
/// box's cores to the server being measured.
/// </summary>
public sealed class QuietWatcher : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;
    private static readonly byte[] Handshake = "{\"protocol\":\"json\",\"version\":1}\u001e"u8.ToArray();
    private static readonly byte[] Ping = "{\"type\":6}\u001e"u8.ToArray();
    private static readonly byte[] PushStart = "{\"type\":1,"u8.ToArray();
    private static readonly byte[] CompletionStart = "{\"type\":3,"u8.ToArray();

    private readonly ClientWebSocket _socket;
    private readonly CancellationTokenSource _stop = new();
    private Task _reading = Task.CompletedTask;

    // Where the message being read stands: how many of its first bytes are kept in _head (enough to tell its type).
    private readonly byte[] _head = new byte[PushStart.Length];
    private int _headLength;
    private long _pushes;

    private QuietWatcher(ClientWebSocket socket) => _socket = socket;

    /// <summary>Pushes received since the watch call was answered.</summary>
    public long Pushes => Interlocked.Read(ref _pushes);

    /// <summary>Bytes the watch call brought before its answer (the snapshot a watch may send first).</summary>
    public long ConnectBytes { get; private set; }

    /// <summary>Connects to <paramref name="hub"/>, shakes hands and calls <paramref name="method"/>; then listens.</summary>
    public static async Task<QuietWatcher> ConnectAsync(Uri hub, HttpMessageInvoker? http2, string method, params object?[] arguments)
    {
        var socket = new ClientWebSocket();
        var watcher = new QuietWatcher(socket);
        try
        {
            var uri = new UriBuilder(hub) { Scheme = hub.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" }.Uri;
            if (http2 is not null)
            {
                socket.Options.HttpVersion = HttpVersion.Version20;
                socket.Options.HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact;
                await socket.ConnectAsync(uri, http2, CancellationToken.None);
            }
            else
            {
                await socket.ConnectAsync(uri, CancellationToken.None);
            }

            await socket.SendAsync(Handshake, WebSocketMessageType.Text, true, CancellationToken.None);
            var handshake = await watcher.ReadMessageAsync();
            if (handshake.Contains("\"error\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The hub refused the handshake: {handshake}");
            }

            var invocation = JsonSerializer.SerializeToUtf8Bytes(new { type = 1, invocationId = "1", target = method, arguments });
            await socket.SendAsync(invocation.Append(RecordSeparator).ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
            while (true)
            {
                var message = await watcher.ReadMessageAsync();
                if (message.StartsWith(Encoding.UTF8.GetString(CompletionStart), StringComparison.Ordinal))
                {
                    if (message.Contains("\"error\"", StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException($"{method} failed: {message}");
                    }

                    break;
                }

                watcher.ConnectBytes += Encoding.UTF8.GetByteCount(message);
            }

            watcher._reading = watcher.CountAsync();
            return watcher;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Tells the server this client is alive, as a <c>HubConnection</c> does between its own messages.</summary>
    public async Task PingAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.SendAsync(Ping, WebSocketMessageType.Text, true, _stop.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    // One whole message, for the handshake and the watch's answer, read before counting starts: a few per watcher.
    private async Task<string> ReadMessageAsync()
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            var read = await _socket.ReceiveAsync(one, CancellationToken.None);
            if (read.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException("The hub closed the connection before the watch was answered.");
            }

            if (read.Count == 1 && one[0] == RecordSeparator)
            {
                return Encoding.UTF8.GetString(bytes.ToArray());
            }

            bytes.AddRange(one.AsSpan(0, read.Count).ToArray());
        }
    }

    private async Task CountAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var read = await _socket.ReceiveAsync(buffer.AsMemory(), _stop.Token);
                if (read.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                Count(buffer.AsSpan(0, read.Count));
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Only the first bytes of each message are looked at; the separator is found by a vectorised search.
    private void Count(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            if (_headLength < _head.Length)
            {
                var take = Math.Min(_head.Length - _headLength, data.Length);
                var end = data[..take].IndexOf(RecordSeparator);
                if (end >= 0)
                {
                    take = end;
                }

                data[..take].CopyTo(_head.AsSpan(_headLength));
                _headLength += take;
                if (_headLength == _head.Length && _head.AsSpan().SequenceEqual(PushStart))
                {
                    Interlocked.Increment(ref _pushes);
                }
            }

            var separator = data.IndexOf(RecordSeparator);
            if (separator < 0)
            {
                return;
            }

            _headLength = 0;
            data = data[(separator + 1)..];
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }

        await _stop.CancelAsync();
        await _reading;
        _socket.Dispose();
        _stop.Dispose();
    }
}
