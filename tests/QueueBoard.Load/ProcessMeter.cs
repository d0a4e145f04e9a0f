using System.Globalization;

namespace QueueBoard.Load;

/// <summary>
/// Samples a server process's CPU and resident memory from <c>/proc</c> once a second while a phase runs: its mean CPU
/// (in cores) and its memory at the start, at the end and at the peak.
/// </summary>
public sealed class ProcessMeter : IAsyncDisposable
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private readonly DateTime _started = DateTime.UtcNow;
    private readonly long _startTicks;

    public ProcessMeter(int pid)
    {
        _pid = pid;
        _startTicks = CpuTicks();
        StartBytes = ResidentBytes();
        PeakBytes = StartBytes;
        _sampling = SampleAsync();
    }

    public long StartBytes { get; }

    public long PeakBytes { get; private set; }

    /// <summary>Ends sampling: mean cores busy since the start, and memory now.</summary>
    public async Task<(double Cores, long StartBytes, long EndBytes, long PeakBytes)> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        var seconds = (DateTime.UtcNow - _started).TotalSeconds;
        var end = ResidentBytes();
        PeakBytes = Math.Max(PeakBytes, end);
        return ((CpuTicks() - _startTicks) / TicksPerSecond / seconds, StartBytes, end, PeakBytes);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(1000, _stop.Token);
                PeakBytes = Math.Max(PeakBytes, ResidentBytes());
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private long CpuTicks()
    {
        // Fields 14 and 15 of /proc/PID/stat (utime, stime), counted after the command name's closing parenthesis.
        var stat = File.ReadAllText($"/proc/{_pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    private long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
