using System.Diagnostics;

namespace QueueBoard.Web.Memory;

/// <summary>
/// Gives a node's memory back to the machine once it has gone quiet after a busy spell (<see cref="QuietMemoryPolicy"/>):
/// two full collections, the second decommitting what it can, and a log line saying how much came back. Off with
/// <c>QueueBoard:ReturnMemoryWhenQuiet=false</c>.
/// </summary>
public sealed class QuietMemoryReturn(ILogger<QuietMemoryReturn> logger) : BackgroundService
{
    private readonly QuietMemoryPolicy _policy = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(QuietMemoryPolicy.Every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (_policy.ShouldReturn(GC.GetTotalAllocatedBytes(), GC.GetGCMemoryInfo().TotalCommittedBytes))
                {
                    var (before, after) = Return();
                    _policy.Returned(GC.GetGCMemoryInfo().TotalCommittedBytes);
                    logger.LogInformation(
                        "Quiet after a busy spell: gave back {ReturnedMb} MB (working set {BeforeMb} → {AfterMb} MB)",
                        (before - after) >> 20,
                        before >> 20,
                        after >> 20);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Collects twice and decommits; the process's working set before and after.</summary>
    public static (long Before, long After) Return()
    {
        var before = WorkingSet();

        // The connections a crowd leaves behind hold sockets with finalizers: the first collection only queues those, and
        // what they reach is freed by the second, once the finalizers have run.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return (before, WorkingSet());
    }

    private static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
