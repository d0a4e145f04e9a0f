namespace QueueBoard.Web.Audit;

/// <summary>
/// Sends the node's gathered lead-post audit lines (<see cref="AuditTrail"/>) as its silo begins to stop, while grains
/// still take calls: later than the host's stopping signal, which comes before requests have drained, so that posts
/// finishing in between are not left to a timer that no longer reaches anyone.
/// </summary>
public sealed class AuditFlushOnSiloStop(AuditTrail audit) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(AuditFlushOnSiloStop), ServiceLifecycleStage.Active, _ => Task.CompletedTask, _ =>
        {
            audit.SendPosts();
            return Task.CompletedTask;
        });
}
