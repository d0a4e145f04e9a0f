using System.Globalization;

namespace QueueBoard.Load;

/// <summary>
/// Samples a server's processes (its nodes) from <c>/proc</c> once a second while a phase runs: their mean CPU together
/// (in cores), their resident memory together at the start, at the end, at the peak and at the lowest, and its mean over every minute
/// (for a soak: a single sample lands anywhere on the garbage collector's saw-tooth, which swings by a quarter).
/// </summary>
public sealed class ProcessMeter : IAsyncDisposable
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux
    private readonly IReadOnlyList<int> _pids;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private readonly DateTime _started = DateTime.UtcNow;
    private readonly long _startTicks;
    private readonly List<long> _minutes = [];
    private long _minuteSum;
    private int _minuteSamples;

    public ProcessMeter(IReadOnlyList<int> pids)
    {
        _pids = pids;
        _startTicks = CpuTicks();
        StartBytes = ResidentBytes();
        PeakBytes = StartBytes;
        LatestBytes = StartBytes;
        LowestBytes = StartBytes;
        _sampling = SampleAsync();
    }

    public long StartBytes { get; }

    public long PeakBytes { get; private set; }

    public long LowestBytes { get; private set; }

    /// <summary>The latest sample, taken at most a second ago.</summary>
    public long LatestBytes { get; private set; }

    /// <summary>Mean resident memory over each whole minute so far.</summary>
    public IReadOnlyList<long> MinuteBytes => _minutes;

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
                var bytes = ResidentBytes();
                LatestBytes = bytes;
                LowestBytes = Math.Min(LowestBytes, bytes);
                PeakBytes = Math.Max(PeakBytes, bytes);
                _minuteSum += bytes;
                _minuteSamples++;
                if ((DateTime.UtcNow - _started).TotalMinutes >= _minutes.Count + 1)
                {
                    _minutes.Add(_minuteSum / _minuteSamples);
                    (_minuteSum, _minuteSamples) = (0, 0);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private long CpuTicks() => _pids.Sum(pid =>
    {
        // Fields 14 and 15 of /proc/PID/stat (utime, stime), counted after the command name's closing parenthesis.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    });

    private long ResidentBytes() => _pids.Sum(pid =>
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    });
}
