namespace QueueBoard.Web.Audit;

/// <summary>
/// Sends the node's gathered lead-post audit lines (<see cref="AuditTrail"/>) as its silo begins to stop, while grains
/// still take calls: the host's stopping signal comes before requests have drained, so posts that finish in between would
/// otherwise wait for a timer that no longer reaches anyone.
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
