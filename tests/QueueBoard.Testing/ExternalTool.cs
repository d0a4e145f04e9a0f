namespace QueueBoard.Testing;

/// <summary>
/// A program from Debian that some tests drive as a real process (redis-server, docker-compose). Missing, it skips those
/// tests on a developer's machine but fails them under <c>CI=true</c>, where <c>.ci/run</c> must have installed it.
/// </summary>
public static class ExternalTool
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The full path of <paramref name="name"/> on PATH, or null.</summary>
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    /// <summary>The tool's path; skips the test when it is missing outside CI and fails it in CI.</summary>
    public static string Require(string name, string package)
    {
        if (Find(name) is { } path)
        {
            return path;
        }

        var message = $"{name} is not installed: apt-get install {package} (.ci/run installs it).";
        if (InCi)
        {
            throw new InvalidOperationException($"CI=true and {message}");
        }

        Assert.Skip(message);
        return null!;
    }
}
