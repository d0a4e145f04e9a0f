using System.Collections.Concurrent;
using Microsoft.AspNetCore.ResponseCompression;

namespace QueueBoard.Web.Sites;

/// <summary>
/// One board version's answer as <see cref="BoardReadCache"/> keeps it: the JSON, and that JSON compressed by each
/// encoding a reader took (Brotli, gzip), each made by the first reader that asked for it.
/// </summary>
public sealed class BoardReadEntry(string version, byte[] json)
{
    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _encoded = new(StringComparer.Ordinal);

    public string Version { get; } = version;

    public byte[] Json { get; } = json;

    /// <summary>The JSON compressed by <paramref name="provider"/>; readers arriving together wait for the one compression.</summary>
    public byte[] EncodedBy(ICompressionProvider provider) =>
        _encoded.GetOrAdd(provider.EncodingName, _ => new Lazy<byte[]>(() => Compress(provider))).Value;

    private byte[] Compress(ICompressionProvider provider)
    {
        using var buffer = new MemoryStream(Json.Length / 4);
        using (var compressing = provider.CreateStream(buffer))
        {
            compressing.Write(Json);
        }

        return buffer.ToArray();
    }
}
