using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Web.Sites;

/// <summary>
/// The answer to <c>GET /api/v1/sites</c> for the district's current board version, kept by each web node as JSON and in
/// each encoding a phone asked for, so that the phones opening the board at once (a morning's first hour, a node back
/// from a restart) each cost a grain call and a copy of bytes, not the 256 KB of JSON written and compressed again.
/// Only the latest version is held: a reader asks the district with its version and is answered from here only when
/// the district says nothing has changed since, so an acknowledged event is never hidden behind a kept board.
/// </summary>
public sealed class BoardReadCache(IOptions<JsonOptions> json)
{
    private BoardReadEntry? _latest;

    /// <summary>The version held, for the district to compare with its own.</summary>
    public string? Version => Volatile.Read(ref _latest)?.Version;

    /// <summary>The entry for <paramref name="version"/>, when it is the one held.</summary>
    public BoardReadEntry? For(string version) =>
        Volatile.Read(ref _latest) is { } latest && latest.Version == version ? latest : null;

    /// <summary>Writes <paramref name="rows"/> once and keeps them as the board of <paramref name="version"/>.</summary>
    public BoardReadEntry Keep(string version, ImmutableArray<SiteSummary> rows)
    {
        var entry = new BoardReadEntry(version, JsonSerializer.SerializeToUtf8Bytes(rows, json.Value.SerializerOptions));

        // Readers racing through a change may finish out of order; the board kept is whichever came last, and a reader
        // whose version the district has moved past builds its own the next time.
        Volatile.Write(ref _latest, entry);
        return entry;
    }
}
