using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using QueueBoard.Testing;

namespace QueueBoard.Web.Tests;

/// <summary>
/// Phones read the board, pages and scripts compressed when they say they can, and get the same content; writes, whose
/// answers may carry a secret, are never compressed.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CompressionTests(QueueBoardAppFactory app)
{
    private readonly HttpClient _admin = app.Admin();

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task The_board_comes_compressed_and_reads_the_same(string encoding)
    {
        var cancel = TestContext.Current.CancellationToken;
        // A board of its own ten sites at least, whatever other tests have made: two rows alone compress less than 3:1.
        for (var i = 0; i < 10; i++)
        {
            await _admin.CreateSiteAsync(Api.NewSiteId());
        }

        var plain = await app.Anonymous().GetByteArrayAsync("/api/v1/sites", cancel);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/sites");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var response = await app.Anonymous().SendAsync(request, cancel);
        var wire = await response.Content.ReadAsByteArrayAsync(cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.True(wire.Length * 3 < plain.Length, $"{wire.Length} bytes on the wire for {plain.Length} of JSON");
        var read = JsonNode.Parse(Decompress(wire, encoding))!.AsArray();
        var expected = JsonNode.Parse(plain)!.AsArray();
        Assert.Equal(
            expected.Select(row => row!["id"]!.GetValue<string>()).Order(),
            read.Select(row => row!["id"]!.GetValue<string>()).Order());
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    [InlineData(null)]
    public async Task Every_read_of_the_board_shows_the_last_acknowledged_event_though_the_node_keeps_its_answer(string? encoding)
    {
        var siteId = Api.NewSiteId();
        await _admin.CreateSiteAsync(siteId);
        string? version = null;
        for (var queue = 0; queue <= 3; queue++)
        {
            if (queue > 0)
            {
                Assert.Equal(HttpStatusCode.OK, (await _admin.PostEventsAsync(siteId, Api.Arrived("1", 1))).StatusCode);
            }

            // The second read of a version is answered from what the node kept from the first.
            for (var read = 0; read < 2; read++)
            {
                var (rows, tag) = await ReadBoardAsync(encoding);
                var row = rows.Single(r => r!["id"]!.GetValue<string>() == siteId)!;
                Assert.Equal(queue, row["queueLength"]!.GetValue<int>());
                Assert.True(read == 0 ? tag != version : tag == version, $"read {read} after {queue} arrivals: {version} then {tag}");
                version = tag;
            }
        }

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/sites");
        again.Headers.IfNoneMatch.ParseAdd(version);
        using var unchanged = await app.Anonymous().SendAsync(again, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
    }

    private async Task<(JsonArray Rows, string Tag)> ReadBoardAsync(string? encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/sites");
        if (encoding is not null)
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        }

        using var response = await app.Anonymous().SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(encoding is null ? [] : [encoding], response.Content.Headers.ContentEncoding);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var wire = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var json = encoding is null ? wire : Decompress(wire, encoding);
        return (JsonNode.Parse(json)!.AsArray(), response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Pages_and_scripts_come_compressed()
    {
        foreach (var path in new[] { "/", "/js/board.js" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
            using var response = await app.Anonymous().SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        }
    }

    [Fact]
    public async Task A_new_lead_code_is_never_compressed()
    {
        var siteId = Api.NewSiteId();
        await _admin.CreateSiteAsync(siteId);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sites/{siteId}/lead-codes");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var response = await _admin.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["code"]);
    }

    private static byte[] Decompress(byte[] wire, string encoding)
    {
        using var input = new MemoryStream(wire);
        using Stream decoder = encoding == "br"
            ? new BrotliStream(input, CompressionMode.Decompress)
            : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
