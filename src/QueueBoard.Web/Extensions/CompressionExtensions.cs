using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace QueueBoard.Web.Extensions;

/// <summary>
/// Compresses what phones read over the air: the board's JSON (every site's row, 256 KB for a district of 500, 17.5 KB
/// compressed), reports, pages and scripts. Only reads are compressed: a response that carries a
/// secret (a new lead code) is never compressed beside input an attacker chose (BREACH), and the hub's own transports
/// stream and are left alone.
/// </summary>
public static class CompressionExtensions
{
    private static readonly string[] CompressedTypes =
    [
        "application/json", "application/problem+json", "text/csv", "text/html", "text/css", "text/javascript",
        "application/javascript", "application/manifest+json", "image/svg+xml", "text/plain",
    ];

    public static IServiceCollection AddQueueBoardCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            // TLS usually ends at the balancer in front; where it does not, the rule above keeps secrets out.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = CompressedTypes;
        });

        // Brotli's fastest level took a 500-site board from 256 KB only to 54 KB, gzip's to 31 KB, Brotli's optimal to
        // 17.5 KB. Writing and compressing the board took half the node while thousands of phones opened it, so the board
        // is compressed once per version (BoardReadCache); these settings still choose its encoding.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return services;
    }

    public static IApplicationBuilder UseQueueBoardCompression(this IApplicationBuilder app) => app.UseWhen(
        context => (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            && !context.Request.Path.StartsWithSegments("/hubs"),
        branch => branch.UseResponseCompression());
}
