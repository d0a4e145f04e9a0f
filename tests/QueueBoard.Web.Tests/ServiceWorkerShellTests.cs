using System.Text.RegularExpressions;
using QueueBoard.Testing;

namespace QueueBoard.Web.Tests;

/// <summary>
/// The lead console reloads with no signal from the service worker's cache, so every module it imports, however
/// indirectly, must be in the worker's shell list; a module added to the console and not to the list breaks that reload.
/// Modules it loads only when asked for (the English dictionary) count too: a lead switching language offline needs it.
/// </summary>
public sealed partial class ServiceWorkerShellTests
{
    [Fact]
    public void Every_module_the_lead_console_imports_is_cached_for_an_offline_reload()
    {
        var worker = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "wwwroot", "sw.js"));
        var cached = ShellNames().Match(worker).Groups[1].Value.Split(',')
            .Select(name => name.Trim().Trim('\'', '\n', ' '))
            .Where(name => name.Length > 0)
            .ToHashSet();

        var needed = ModuleImports.Closure("lead", whenAskedFor: true);
        var missing = needed.Where(module => !cached.Contains(module)).ToList();
        Assert.True(missing.Count == 0, $"sw.js does not cache: {string.Join(", ", missing)}");
    }

    [GeneratedRegex(@"\.\.\.\[([^\]]*)\]\.map\(\(name\) => `/js/\$\{name\}\.js`\)")]
    private static partial Regex ShellNames();
}
