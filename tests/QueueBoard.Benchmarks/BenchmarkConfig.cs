using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace QueueBoard.Benchmarks;

/// <summary>
/// How the benchmarks run: in this process (a generated project would need its own restore and build, and the grains need
/// this process's silo anyway), with allocations per operation, and fewer iterations for <c>--quick</c>.
/// </summary>
public static class BenchmarkConfig
{
    public static IConfig For(bool quick)
    {
        var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance);
        job = quick ? job.WithWarmupCount(2).WithIterationCount(5).WithLaunchCount(1) : job.WithLaunchCount(1);
        return DefaultConfig.Instance.AddJob(job.AsDefault()).WithOptions(ConfigOptions.JoinSummary);
    }
}
