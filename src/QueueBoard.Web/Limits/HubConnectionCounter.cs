using System.Collections.Concurrent;

namespace QueueBoard.Web.Limits;

/// <summary>
/// Counts this node's open hub connections, in all and per client address, so that the node holds at most its watcher cap
/// (<see cref="RequestLimitOptions.MaxWebSockets"/>, or the one worked out from its open files) and one address at most
/// <see cref="RequestLimitOptions.HubConnectionsPerAddress"/>. Kestrel's own cap counts only WebSockets upgraded from
/// HTTP/1.1; WebSockets over HTTP/2, server-sent events and long polling pass it, and each holds a hub connection's memory.
/// An address with none open takes no memory.
/// </summary>
public sealed class HubConnectionCounter(long? nodeLimit = null)
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);
    private long _total;

    /// <summary>The hub connections this node holds at once; null for no cap.</summary>
    public long? NodeLimit { get; } = nodeLimit;

    public long Total => Interlocked.Read(ref _total);

    /// <summary>Counts a new connection on the node, unless it already holds <see cref="NodeLimit"/>.</summary>
    public bool TryOpen()
    {
        if (Interlocked.Increment(ref _total) <= (NodeLimit ?? long.MaxValue))
        {
            return true;
        }

        Interlocked.Decrement(ref _total);
        return false;
    }

    /// <summary>Gives back what <see cref="TryOpen"/> counted.</summary>
    public void Close() => Interlocked.Decrement(ref _total);

    /// <summary>Counts a new connection from <paramref name="address"/>, unless it already holds <paramref name="limit"/>.</summary>
    public bool TryAdd(string address, int limit)
    {
        while (true)
        {
            var current = _open.GetValueOrDefault(address);
            if (current >= limit)
            {
                return false;
            }

            if (current == 0 ? _open.TryAdd(address, 1) : _open.TryUpdate(address, current + 1, current))
            {
                return true;
            }
        }
    }

    public void Release(string address)
    {
        while (_open.TryGetValue(address, out var current))
        {
            if (current <= 1 ? _open.TryRemove(new KeyValuePair<string, int>(address, current)) : _open.TryUpdate(address, current - 1, current))
            {
                return;
            }
        }
    }

    public int OpenFrom(string address) => _open.GetValueOrDefault(address);
}
