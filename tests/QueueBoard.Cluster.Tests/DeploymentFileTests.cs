using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using QueueBoard.Testing;
using QueueBoard.Web.Limits;
using QueueBoard.Web.Options;

namespace QueueBoard.Cluster.Tests;

/// <summary>
/// The deployment files, checked as text since no container engine runs here: compose validates, every manifest parses
/// with what Orleans' Kubernetes hosting needs, the image builds in stages and runs as non-root, nginx passes WebSockets,
/// and every QueueBoard setting they name is one the app knows. What they start is proven by <see cref="ClusterTests"/>
/// with the same binaries as real processes.
/// </summary>
public sealed partial class DeploymentFileTests
{
    private static readonly string Root = RepositoryPaths.Root;

    [Fact]
    public async Task Compose_validates_with_a_token_and_refuses_without_one()
    {
        var compose = ExternalTool.Require("docker-compose", "docker-compose");

        var (valid, output) = await RunAsync(compose, "0123456789abcdef0123456789abcdef", "-f", "docker-compose.yml", "config");
        var (invalid, refusal) = await RunAsync(compose, null, "-f", "docker-compose.yml", "config");

        Assert.True(valid == 0, output);
        Assert.All(["redis:", "node1:", "node2:", "nginx:", "redis-data:", "--appendonly", "/health/ready"], text => Assert.Contains(text, output));
        Assert.NotEqual(0, invalid);
        Assert.Contains("QUEUEBOARD_ADMIN_TOKEN", refusal);
    }

    [Fact]
    public void Every_kubernetes_manifest_parses_and_the_deployment_has_what_orleans_kubernetes_hosting_reads()
    {
        var documents = Directory.GetFiles(Path.Combine(Root, "infra", "k8s"), "*.yaml").SelectMany(YamlDocuments.Load).ToList();
        Assert.All(documents, d => Assert.All(
            [d["apiVersion"], d["kind"], d["metadata"]?["name"]],
            value => Assert.False(string.IsNullOrWhiteSpace(value?.GetValue<string>()), d.ToJsonString())));
        Assert.Subset(
            documents.Select(d => d["kind"]!.GetValue<string>()).ToHashSet(),
            new HashSet<string> { "Deployment", "Service", "StatefulSet", "ServiceAccount", "Role", "RoleBinding" });

        var deployment = documents.Single(d => d["kind"]!.GetValue<string>() == "Deployment");
        var pod = deployment["spec"]!["template"]!;
        var labels = pod["metadata"]!["labels"]!.AsObject();
        Assert.True(labels.ContainsKey("orleans/serviceId") && labels.ContainsKey("orleans/clusterId"), labels.ToJsonString());
        var container = pod["spec"]!["containers"]!.AsArray().Single()!;
        var env = container["env"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()).ToList();
        Assert.Subset(env.ToHashSet(), new HashSet<string>
        {
            "POD_NAME", "POD_NAMESPACE", "POD_IP", "ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID",
            "QueueBoard__Redis", "QueueBoard__Kubernetes", "QueueBoard__AdminToken",
        });
        Assert.Equal("/health/ready", container["readinessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
        Assert.Equal("/health/live", container["livenessProbe"]!["httpGet"]!["path"]!.GetValue<string>());

        var role = documents.Single(d => d["kind"]!.GetValue<string>() == "Role");
        var verbs = role["rules"]!.AsArray().Single(r => r!["resources"]!.AsArray().Any(x => x!.GetValue<string>() == "pods"))!["verbs"]!
            .AsArray().Select(v => v!.GetValue<string>()).ToHashSet();
        Assert.Subset(verbs, new HashSet<string> { "get", "list", "watch", "patch" });
    }

    [Fact]
    public void The_dockerfile_builds_with_the_sdk_and_runs_on_aspnet_as_a_non_root_user()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "infra", "Dockerfile")).Select(l => l.Trim()).ToList();
        var stages = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, stages.Count);
        Assert.Matches(@"^FROM mcr\.microsoft\.com/dotnet/sdk:10\.0 AS build$", stages[0]);
        Assert.Matches(@"^FROM mcr\.microsoft\.com/dotnet/aspnet:10\.0\b", stages[1]);
        var final = lines.SkipWhile(l => l != stages[1]).ToList();
        Assert.Contains(final, l => l.StartsWith("COPY --from=build", StringComparison.Ordinal));
        var user = Assert.Single(final, l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.DoesNotMatch(@"^USER (root|0)\b", user);
        Assert.Contains(final, l => l.Contains("/health/ready", StringComparison.Ordinal));
        Assert.Contains(final, l => l == "ENTRYPOINT [\"dotnet\", \"QueueBoard.Web.dll\"]");
    }

    [Fact]
    public void Nginx_balances_both_nodes_sticky_by_address_and_upgrades_websockets()
    {
        var conf = File.ReadAllText(Path.Combine(Root, "infra", "nginx", "nginx.conf"));

        Assert.Matches(@"upstream\s+queueboard\s*\{[^}]*ip_hash;[^}]*server node1:8080[^}]*server node2:8080", conf);
        Assert.Matches(@"location\s+/hubs/\s*\{[^}]*proxy_http_version 1\.1;[^}]*proxy_set_header Upgrade \$http_upgrade;", conf);
        Assert.Contains("proxy_set_header X-Forwarded-For", conf);

        // The lead card's QR holds the address the app sees; $host would drop compose's published port 8080.
        Assert.Equal(2, Regex.Count(conf, @"proxy_set_header Host \$http_host;"));
        Assert.DoesNotMatch(@"proxy_set_header Host \$host;", conf);
    }

    [Fact]
    public void Every_queueboard_setting_the_deployment_files_name_is_one_the_app_knows()
    {
        var known = typeof(QueueBoardOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name)
            .Concat(typeof(RequestLimitOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => $"Limits__{p.Name}"))
            .ToHashSet();
        var files = Directory.GetFiles(Path.Combine(Root, "infra", "k8s"), "*.yaml").Append(Path.Combine(Root, "docker-compose.yml"));

        var named = files.SelectMany(f => SettingName().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Name: m.Groups[1].Value))).ToList();

        Assert.NotEmpty(named);
        Assert.All(named, setting => Assert.True(known.Contains(setting.Name), $"{setting.File} sets QueueBoard__{setting.Name}, which QueueBoardOptions lacks"));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string? token, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("QUEUEBOARD_ADMIN_TOKEN");
        if (token is not null)
        {
            start.Environment["QUEUEBOARD_ADMIN_TOKEN"] = token;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }

    [GeneratedRegex(@"QueueBoard__(\w+)")]
    private static partial Regex SettingName();
}
