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
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, seconds - clock.Elapsed.TotalSeconds)));
            progress($"quiet {clock.Elapsed:m\\:ss}: node {meter.LatestBytes / 1048576.0:N0} MB");
        }

        var usage = await meter.StopAsync();
        return new QuietResult(seconds, usage.StartBytes, usage.EndBytes, Math.Min(meter.LowestBytes, usage.EndBytes), usage.Cores, [.. meter.MinuteBytes]);
    }
}
