using System.Security.Cryptography;
using System.Text;
using QueueBoard.Web.Validation;

namespace QueueBoard.Web.Auth;

/// <summary>
/// Lead codes: <c>{siteId}.{192 random bits}</c>. The site prefix tells which site grain to ask, so that a code for any
/// site is recognised without a global index; the secret part makes it unguessable. Only a SHA-256 hash is stored,
/// which suffices for a high-entropy secret (no password stretching needed).
/// </summary>
public static class LeadCodes
{
    /// <summary>How many characters of a code's hash make its non-secret id.</summary>
    public const int IdLength = 10;

    private static readonly object BearerHashKey = new();

    public static string New(string siteId) =>
        $"{siteId}.{Base64UrlEncode(RandomNumberGenerator.GetBytes(24))}";

    public static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    /// <summary>
    /// The non-secret id of a token (the start of its hash): what the audit trail and the rate limits name a lead code by,
    /// telling codes apart without revealing them.
    /// </summary>
    public static string IdOf(string token) => Hash(token)[..IdLength];

    /// <summary>The id of the request's bearer token, or null when it carries none.</summary>
    public static string? IdOfBearer(HttpContext context) => HashOfBearer(context)?[..IdLength];

    /// <summary>
    /// The hash of the request's bearer token, or null when it carries none: worked out once per request, since the rate
    /// limits, the sign-in and the audit line each need it and a lead's single event would otherwise hash its code three
    /// times.
    /// </summary>
    public static string? HashOfBearer(HttpContext context)
    {
        if (context.Items.TryGetValue(BearerHashKey, out var known))
        {
            return (string?)known;
        }

        var hash = BearerToken(context.Request.Headers.Authorization) is { } token ? Hash(token) : null;
        context.Items[BearerHashKey] = hash;
        return hash;
    }

    /// <summary>The token of an <c>Authorization: Bearer …</c> header, or null when the header is missing or another scheme.</summary>
    public static string? BearerToken(string? header) =>
        header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header["Bearer ".Length..].Trim() is { Length: > 0 } token
            ? token
            : null;

    /// <summary>The site a code claims to belong to, or null when it is not shaped like a lead code.</summary>
    public static string? SiteOf(string code)
    {
        var dot = code.LastIndexOf('.');
        if (dot <= 0 || dot == code.Length - 1 || code.Length > 200)
        {
            return null;
        }

        var siteId = code[..dot];
        return Identifiers.IsValid(siteId) ? siteId : null;
    }

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
