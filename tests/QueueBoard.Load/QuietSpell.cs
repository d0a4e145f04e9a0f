namespace QueueBoard.Load;

/// <summary>
/// The spell after the watch, once every watcher has closed and no events come: follows the node's memory for as long
/// as asked, to show what it keeps after its peak (the shared array pool keeps what the pushes rented, and gives it up
/// slowly unless memory runs short).
/// </summary>
public static class QuietSpell
{
    public static async Task<QuietResult?> RunAsync(LoadTarget target, double seconds, Action<string> progress)
    {
        await using var meter = target.Meter();
        if (meter is null)
        {
            return null;
        }

        progress($"quiet: no watchers, no events, following the node's memory for {seconds:0} s");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var next = Math.Min(30, seconds); ; next = Math.Min(next + 30, seconds))
        {
            if (TimeSpan.FromSeconds(next) - clock.Elapsed is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait);
            }

            progress($"quiet {next:0} s: node {meter.LatestBytes / 1048576.0:N0} MB");
            if (next >= seconds)
            {
                break;
            }
        }

        var usage = await meter.StopAsync();
        return new QuietResult(seconds, usage.StartBytes, usage.EndBytes, Math.Min(meter.LowestBytes, usage.EndBytes), usage.Cores, [.. meter.MinuteBytes]);
    }
}
