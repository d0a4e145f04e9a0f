namespace QueueBoard.Load;

/// <summary>
/// The phones a run counts but does not time, as <see cref="QuietWatcher"/>s: opened a few dozen at a time with
/// progress, kept alive with the protocol's pings, their pushes summed, closed at the end.
/// </summary>
public sealed class QuietWatchers : IAsyncDisposable
{
    // Well inside the hub's client timeout (30 s by default), as HubConnection's own keep-alive is.
    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(10);

    private readonly List<QuietWatcher> _watchers = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pinging;
    private readonly HttpMessageInvoker? _http2;

    public QuietWatchers(bool http2)
    {
        _http2 = http2
            ? new(new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan })
            : null;
        _pinging = PingAsync();
    }

    public long Pushes
    {
        get
        {
            lock (_watchers)
            {
                return _watchers.Sum(w => w.Pushes);
            }
        }
    }

    public long ConnectBytes
    {
        get
        {
            lock (_watchers)
            {
                return _watchers.Sum(w => w.ConnectBytes);
            }
        }
    }

    /// <summary>
    /// Opens watchers number <paramref name="from"/> to <paramref name="to"/> (exclusive); <paramref name="watch"/> names
    /// each one's hub, watch call and its arguments.
    /// </summary>
    public Task<double> OpenAsync(int from, int to, Func<int, Task<(Uri Hub, string Method, object?[] Arguments)>> watch, Action<string> progress) =>
        ConnectionOpening.OpenAsync(from, to, _watchers, async index =>
        {
            var (hub, method, arguments) = await watch(index);
            return await QuietWatcher.ConnectAsync(hub, _http2, method, arguments);
        }, "quiet phones", progress);

    private async Task PingAsync()
    {
        using var timer = new PeriodicTimer(PingEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                QuietWatcher[] all;
                lock (_watchers)
                {
                    all = [.. _watchers];
                }

                foreach (var batch in all.Chunk(500))
                {
                    await Task.WhenAll(batch.Select(w => w.PingAsync()));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pinging;
        foreach (var batch in _watchers.Chunk(200))
        {
            await Task.WhenAll(batch.Select(w => w.DisposeAsync().AsTask()));
        }

        _http2?.Dispose();
        _stop.Dispose();
    }
}
