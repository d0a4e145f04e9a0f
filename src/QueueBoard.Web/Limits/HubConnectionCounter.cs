using System.Collections.Concurrent;

namespace QueueBoard.Web.Limits;

/// <summary>
/// Counts each client address's open hub connections on this node, so that one address cannot hold more than
/// <see cref="RequestLimitOptions.HubConnectionsPerAddress"/>. An address with none open takes no memory.
/// </summary>
public sealed class HubConnectionCounter
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

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
