namespace QueueBoard.Testing;

/// <summary>Where the repository and the built web app are, found from the running test assembly.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding <c>QueueBoard.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The built <c>QueueBoard.Web.dll</c> in the configuration the tests were built in.</summary>
    public static string WebDll => Path.Combine(Root, "src", "QueueBoard.Web", "bin", Configuration, "net10.0", "QueueBoard.Web.dll");

    public static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "QueueBoard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No QueueBoard.sln above {AppContext.BaseDirectory}.");
    }
}
