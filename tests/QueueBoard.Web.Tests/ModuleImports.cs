using System.Text.RegularExpressions;
using QueueBoard.Testing;

namespace QueueBoard.Web.Tests;

/// <summary>
/// The pages' script modules as files under <c>wwwroot/js</c>: which ones a module imports, however indirectly. Tests
/// that lists kept by hand (the service worker's shell, the pages' preloads) name every module a page needs.
/// </summary>
public static partial class ModuleImports
{
    public static readonly string Js = Path.Combine(RepositoryPaths.Root, "wwwroot", "js");

    /// <summary>
    /// <paramref name="entry"/> and every module it imports statically, however indirectly, by name relative to
    /// <c>wwwroot/js</c> without <c>.js</c> (<c>i18n/zh</c>): what the page waits for before it runs. With
    /// <paramref name="whenAskedFor"/>, the modules it loads later with <c>import()</c> (and theirs) too: what it may
    /// need offline.
    /// </summary>
    public static SortedSet<string> Closure(string entry, bool whenAskedFor = false)
    {
        var needed = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([entry]);
        while (pending.TryPop(out var module))
        {
            if (!needed.Add(module))
            {
                continue;
            }

            var source = File.ReadAllText(Path.Combine(Js, module + ".js"));
            IEnumerable<Match> imports = Imports().Matches(source);
            foreach (var import in whenAskedFor ? imports.Concat(LaterImports().Matches(source)) : imports)
            {
                var path = Path.GetRelativePath(Js, Path.GetFullPath(Path.Combine(Js, Path.GetDirectoryName(module)!, import.Groups[1].Value)));
                pending.Push(path[..^3].Replace('\\', '/'));
            }
        }

        return needed;
    }

    [GeneratedRegex(@"from\s+'(\./[^']+\.js)'")]
    private static partial Regex Imports();

    [GeneratedRegex(@"import\('(\./[^']+\.js)'\)")]
    private static partial Regex LaterImports();
}
