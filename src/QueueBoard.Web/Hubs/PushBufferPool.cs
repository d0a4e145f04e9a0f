using System.Buffers;
using System.Globalization;
using System.Reflection;

namespace QueueBoard.Web.Hubs;

/// <summary>
/// Sizes the runtime's shared byte-array pool for the hub's fan-out, as the node's first step. Each push to each watcher
/// is copied into its connection's pipe and then into a WebSocket frame, both in arrays rented from
/// <see cref="ArrayPool{T}.Shared"/>. The pool keeps only 32 arrays of a size per core by default, so with thousands of
/// watchers taking the same push nearly every rental was a new array, garbage moments later, and promoted to the
/// collector's older generations while slow sockets drained: see "Arrays for the pushes" in docs/PERFORMANCE.md.
/// </summary>
public static class PushBufferPool
{
    /// <summary>The runtime's own switch, read once: when the first array of any size goes back to the pool.</summary>
    public const string Variable = "DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION";

    /// <summary>
    /// Arrays of one size kept per core. A board push fills about two pipe segments per watcher, so this lets the
    /// arrays of a push to tens of thousands of watchers come back for the next one. The pool keeps no more than was in
    /// use at once; the runtime gives them up when memory runs short, and a few at a time once idle for a minute.
    /// </summary>
    public const int ArraysPerCore = 16_384;

    /// <summary>Sets <see cref="Variable"/> unless the operator has; must run before anything gives an array back.</summary>
    public static void Size()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            Environment.SetEnvironmentVariable(Variable, ArraysPerCore.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>What the runtime took, so the start-up log shows it; null if its private field has moved.</summary>
    public static int? InEffect() =>
        typeof(ArrayPool<>).Assembly.GetType("System.Buffers.SharedArrayPoolStatics")
            ?.GetField("s_maxArraysPerPartition", BindingFlags.NonPublic | BindingFlags.Static)
            ?.GetValue(null) as int?;
}
