using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json;

namespace QueueBoard.Load;

/// <summary>
/// A phone's first read of the board, as the resident board page makes it before it watches: <c>GET /api/v1/sites</c>
/// compressed, parsed whole, its version (the ETag) kept for <c>WatchBoardWithAges</c>. Counts the bytes on the wire.
/// </summary>
public static class BoardRead
{
    public static async Task<(string? Version, int WireBytes)> ReadAsync(HttpClient http, Uri node)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(node, "/api/v1/sites"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var wire = await response.Content.ReadAsByteArrayAsync();
        Stream body = new MemoryStream(wire);
        body = response.Content.Headers.ContentEncoding.LastOrDefault() switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            _ => body,
        };

        await using (body)
        {
            using var rows = await JsonDocument.ParseAsync(body);
        }

        return (response.Headers.ETag?.Tag.Trim('"'), wire.Length);
    }
}
