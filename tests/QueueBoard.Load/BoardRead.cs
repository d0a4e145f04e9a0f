using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json;

namespace QueueBoard.Load;

/// <summary>
/// A phone's first read of the board, as the resident board page makes it before it watches: <c>GET /api/v1/sites</c>
/// compressed, parsed whole, its version (the ETag) kept for <c>WatchBoardPacked</c> and its sites' ids in the order the
/// packed feed numbers them. Counts the bytes on the wire.
/// </summary>
public static class BoardRead
{
    public static async Task<(string? Version, int WireBytes, string[] Ids)> ReadAsync(HttpClient http, Uri node)
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

        string[] ids;
        await using (body)
        {
            using var rows = await JsonDocument.ParseAsync(body);
            ids = [.. rows.RootElement.EnumerateArray().Select(row => row.GetProperty("id").GetString()!)];
        }

        return (response.Headers.ETag?.Tag.Trim('"'), wire.Length, ids);
    }
}
