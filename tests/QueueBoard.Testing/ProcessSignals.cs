using System.Diagnostics;

namespace QueueBoard.Testing;

/// <summary>Stops child processes the way an operator or an orchestrator would: SIGTERM and wait, or SIGKILL.</summary>
public static class ProcessSignals
{
    /// <summary>SIGTERM, then waits for the process to finish its graceful shutdown.</summary>
    public static async Task TerminateAsync(Process process, TimeSpan timeout)
    {
        if (process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Process {process.Id} did not stop within {timeout} of SIGTERM; killed.");
        }
    }

    /// <summary>SIGKILL (kill -9): no shutdown, nothing flushed.</summary>
    public static async Task KillAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
