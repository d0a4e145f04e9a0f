using Microsoft.AspNetCore.Http.HttpResults;
using QRCoder;
using QueueBoard.Web.Problems;
using QueueBoard.Web.Sites;

namespace QueueBoard.Web.Endpoints;

/// <summary>
/// The QR code on a printed lead card: the address of the site's lead console, for a lead to open on their phone. It holds
/// no secret (the lead code is typed in), so anyone may fetch it.
/// </summary>
public static class LeadCardEndpoints
{
    public static RouteGroupBuilder MapLeadCard(this RouteGroupBuilder api)
    {
        api.MapGet("/sites/{siteId}/lead-qr.svg", GetQr)
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>
    /// The longest address a card's code carries: a host name's 253 characters with its scheme, port and a site's path
    /// still fit, and the code stays one a phone reads from arm's length (a longer Host can only be made up).
    /// </summary>
    public const int MaxAddressLength = 400;

    /// <summary>The address the card's QR code holds: this host's lead console for the site.</summary>
    public static string ConsoleAddress(HttpRequest request, string siteId) =>
        $"{request.Scheme}://{request.Host}/lead/{Uri.EscapeDataString(siteId)}";

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetQr(string siteId, HttpContext context, KnownSites known)
    {
        if (!await known.ContainsAsync(siteId))
        {
            return ApiProblems.SiteNotFound(siteId);
        }

        var address = ConsoleAddress(context.Request, siteId);
        if (address.Length > MaxAddressLength)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "This request's Host is too long for a lead card's QR code.",
                detail: $"The console's address would be {address.Length} characters; a card holds at most {MaxAddressLength}.");
        }

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(address, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(8);
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Content(svg, "image/svg+xml");
    }
}
