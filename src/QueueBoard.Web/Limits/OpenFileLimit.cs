using System.Globalization;

namespace QueueBoard.Web.Limits;

/// <summary>
/// How many connections a node may hold without running out of open files. A node that did ran out of memory instead of
/// refusing: .NET maps new JIT code through a memfd, which needs a file descriptor, so once sockets held them all the
/// next code allocation failed and the process exited (found with 9,500 watchers and their negotiations on a host
/// allowing 20,000 files). Kestrel's connection limits are therefore set below the process's limit, with room kept for
/// Orleans, Redis, logs and the runtime.
/// </summary>
public static class OpenFileLimit
{
    /// <summary>The soft limit on open files from <c>/proc/self/limits</c>; null where it cannot be read or is unlimited.</summary>
    public static long? Read()
    {
        try
        {
            var line = File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
            var soft = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, _, _, var value, ..] ? value : null;
            return long.TryParse(soft, NumberStyles.None, CultureInfo.InvariantCulture, out var files) ? files : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The connections (Http: plain HTTP; Upgraded: WebSockets, which Kestrel counts
    /// apart once upgraded) that fit in <paramref name="files"/> open files: a twentieth (at least 500) kept back, a quarter
    /// of the rest for HTTP (phones polling while offline from WebSockets, keep-alives), the others for watchers.
    /// </summary>
    public static (long Http, long Upgraded) Connections(long files)
    {
        var usable = Math.Max(200, files - Math.Max(500, files / 20));
        var http = Math.Max(100, usable / 4);
        return (http, Math.Max(100, usable - http));
    }
}
