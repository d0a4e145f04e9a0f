using QueueBoard.Abstractions.Grains;
using QueueBoard.Grains.Time;

namespace QueueBoard.Grains.Leases;

/// <summary>
/// A lease (<see cref="ILeaseGrain"/>) kept in memory only: if the node hosting it dies, the grain comes back empty
/// elsewhere and the first node to ask takes the lease, so the work carries on after at most one round.
/// </summary>
public sealed class LeaseGrain(DistrictClock clock) : Grain, ILeaseGrain
{
    private string? _holder;
    private DateTimeOffset _expires;

    public Task<bool> TryHold(string holder, TimeSpan term)
    {
        var now = clock.UtcNow;
        if (_holder is null || _holder == holder || now >= _expires)
        {
            _holder = holder;
            _expires = now + term;
            return Task.FromResult(true);
        }

        return Task.FromResult(false);
    }
}
