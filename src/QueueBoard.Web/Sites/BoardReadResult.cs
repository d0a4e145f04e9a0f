using System.Collections.Immutable;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Web.Sites;

/// <summary>
/// Writes a board kept by <see cref="BoardReadCache"/>: compressed when the reader accepts an encoding the node offers
/// (chosen as the response compression would choose it), as is otherwise. Described to OpenAPI as the rows it holds.
/// </summary>
public sealed class BoardReadResult(BoardReadEntry entry) : IResult, IEndpointMetadataProvider
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var compression = httpContext.RequestServices.GetRequiredService<IResponseCompressionProvider>();
        var provider = compression.CheckRequestAcceptsCompression(httpContext) ? compression.GetCompressionProvider(httpContext) : null;
        var body = provider is null ? entry.Json : entry.EncodedBy(provider);

        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        if (provider is not null)
        {
            // Set before the body starts, so that the compression middleware leaves it as it is.
            response.Headers.ContentEncoding = provider.EncodingName;
        }

        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(ImmutableArray<SiteSummary>), ["application/json"]));
}
