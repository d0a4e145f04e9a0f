using QueueBoard.Testing;

namespace QueueBoard.Cluster.Tests;

/// <summary>The built dll as an operator starts it: from the repository root, as the README shows.</summary>
public sealed class BuiltAppTests
{
    [Fact]
    public async Task The_built_dll_started_from_the_repository_root_loads_its_appsettings()
    {
        // Development's appsettings supply the admin token and switch the demo on; without them the node would not start.
        await using var node = new NodeProcess("dev", "--environment", "Development");
        await node.StartAsync();

        using var admin = node.WithToken("dev-admin-token");
        var status = System.Net.HttpStatusCode.NotFound;
        for (var attempt = 0; attempt < 100 && status == System.Net.HttpStatusCode.NotFound; attempt++)
        {
            // The demo district is seeded a moment after start-up.
            await Task.Delay(200, TestContext.Current.CancellationToken);
            using var access = await admin.GetAsync("/api/v1/sites/qunxing-park/access", TestContext.Current.CancellationToken);
            status = access.StatusCode;
        }

        Assert.True(status == System.Net.HttpStatusCode.OK, $"{(int)status} for the Development token on a demo site\n{node.LogTail()}");
    }

    [Fact]
    public async Task In_production_the_console_log_is_one_json_object_per_line()
    {
        await using var node = new NodeProcess(
            "json", "--environment", "Production", "--QueueBoard:Storage=Memory", $"--QueueBoard:AdminToken={NodeProcess.AdminToken}");
        await node.StartAsync();

        var lines = node.ConsoleLines();
        Assert.NotEmpty(lines);
        Assert.All(lines, line =>
        {
            using var entry = System.Text.Json.JsonDocument.Parse(line);
            Assert.True(entry.RootElement.TryGetProperty("LogLevel", out _), line);
            Assert.True(entry.RootElement.TryGetProperty("Category", out _), line);
            Assert.EndsWith("Z", entry.RootElement.GetProperty("Timestamp").GetString(), StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("", 16_384)]
    [InlineData("64", 64)]
    public async Task The_node_keeps_enough_pooled_arrays_for_its_pushes_unless_the_operator_says_otherwise(string set, int kept)
    {
        // Empty is unset to the runtime, so the node's own value must be in place before the runtime first reads it.
        await using var node = new NodeProcess(
            "pool", "--environment", "Production", "--QueueBoard:Storage=Memory", $"--QueueBoard:AdminToken={NodeProcess.AdminToken}");
        node.Variables["DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION"] = set;
        await node.StartAsync();

        var said = node.ConsoleLines().Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)
            .SingleOrDefault(entry => entry.GetProperty("Category").GetString() == "QueueBoard.Web.Hubs.PushBufferPoolLog");
        Assert.True(said.ValueKind == System.Text.Json.JsonValueKind.Object, node.LogTail());
        Assert.Equal(kept, said.GetProperty("State").GetProperty("Arrays").GetInt32());
    }

}
