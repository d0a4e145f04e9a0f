namespace QueueBoard.Abstractions.Grains;

/// <summary>
/// A named piece of work that one node of the cluster does at a time (the demo's traffic simulator): each node asks on
/// every round, the holder keeps it by asking again within its term, and another node takes it over when the holder stops
/// asking (it died or shut down).
/// </summary>
public interface ILeaseGrain : IGrainWithStringKey
{
    /// <summary>Whether <paramref name="holder"/> holds the lease now, taking it if it is free or its term ran out.</summary>
    Task<bool> TryHold(string holder, TimeSpan term);
}
