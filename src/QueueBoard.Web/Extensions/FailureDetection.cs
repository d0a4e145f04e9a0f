using Orleans.Configuration;

namespace QueueBoard.Web.Extensions;

/// <summary>
/// Orleans membership settings for a small cluster of QueueBoard nodes: a node that dies without a word (kill -9, power
/// loss) is declared dead, and its sites served again elsewhere, within seconds rather than minutes, and a node started
/// after every node died does not wait long on the dead ones still listed in Redis.
/// </summary>
public static class FailureDetection
{
    public static void Configure(ClusterMembershipOptions options)
    {
        // Probes adapt between 1 and 4 s; three missed make a node suspect. A survivor's vote is held back while the
        // suspect was heard from within MaxProbeTimeout x NumMissedProbesLimit (12 s here, 60 s by default).
        options.ProbeTimeout = TimeSpan.FromSeconds(2);
        options.MinProbeTimeout = TimeSpan.FromSeconds(1);
        options.MaxProbeTimeout = TimeSpan.FromSeconds(4);
        options.NumMissedProbesLimit = 3;

        // Heartbeats in the table every 5 s and an entry silent for 15 s counts as stale: a node joining after every
        // node died declares the stale ones dead on its own instead of waiting 90 s for them to look stale, while a node
        // merely starved of CPU for a few seconds is not mistaken for a dead one.
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
        options.NumMissedTableIAmAliveLimit = 3;
        options.TableRefreshTimeout = TimeSpan.FromSeconds(5);
    }
}
