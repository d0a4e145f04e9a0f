using Orleans.Configuration;

namespace QueueBoard.Web.Extensions;

/// <summary>
/// Orleans membership settings for a small cluster of QueueBoard nodes: a node that dies without a word (kill -9, power
/// loss) is declared dead, and its sites served again elsewhere, within seconds rather than minutes, and a node started
/// after every node died does not wait on the dead ones still listed in Redis.
/// </summary>
public static class FailureDetection
{
    public static void Configure(ClusterMembershipOptions options)
    {
        // Two missed probes of two seconds each make a node suspect.
        options.ProbeTimeout = TimeSpan.FromSeconds(2);
        options.NumMissedProbesLimit = 2;

        // In a two-node cluster the survivor is the only one left to vote.
        options.NumVotesForDeathDeclaration = 1;

        // Heartbeats in the table every 5 s; an entry silent for 15 s is stale, so a restarted cluster need not probe it.
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
        options.NumMissedTableIAmAliveLimit = 3;
        options.TableRefreshTimeout = TimeSpan.FromSeconds(10);
    }
}
