using QueueBoard.Web.Memory;

namespace QueueBoard.Web.Tests;

/// <summary>
/// What the return does to a process: garbage a busy spell left behind, reachable only from objects waiting for their
/// finalizers as a crowd's sockets are, is collected and its memory decommitted. Measures the GC's committed bytes of
/// this test process, so it runs alone; not its working set, which the other hosts alive in the process move by tens of
/// megabytes either way (CI saw 1294 → 1351 MB while the GC decommitted over 400 MB).
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class QuietMemoryReturnTests
{
    private const int Blocks = 600;
    private const int BlockBytes = 1 << 20;

    [Fact]
    public void Garbage_held_by_finalizable_objects_is_collected_and_its_memory_decommitted()
    {
        LeaveGarbage();
        var committedBefore = GC.GetGCMemoryInfo().TotalCommittedBytes;

        var (before, after) = QuietMemoryReturn.Return();

        var committedAfter = GC.GetGCMemoryInfo().TotalCommittedBytes;
        Assert.True(
            committedBefore - committedAfter > 400L * BlockBytes,
            $"committed {committedBefore >> 20} → {committedAfter >> 20} MB (working set {before >> 20} → {after >> 20} MB)");
    }

    private static void LeaveGarbage()
    {
        // Touched, so the blocks are in the working set; each held by an object with a finalizer, as a socket holds its buffers.
        for (var i = 0; i < Blocks; i++)
        {
            var block = new byte[BlockBytes];
            Array.Fill(block, (byte)i);
            _ = new HoldsUntilFinalized(block);
        }

        // One ordinary collection, as a node's last busy seconds would run: it queues the finalizers and frees nothing.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
    }

    private sealed class HoldsUntilFinalized(byte[] block)
    {
        private readonly byte[] _block = block;

        ~HoldsUntilFinalized() => GC.KeepAlive(_block);
    }
}
