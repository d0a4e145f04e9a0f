using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using QueueBoard.Abstractions.Grains;
using QueueBoard.Web.Limits;
using QueueBoard.Web.Sites;

namespace QueueBoard.Web.Auth;

/// <summary>
/// Turns <c>Authorization: Bearer …</c> into a principal: the admin token gives the admin role, a site's lead code the
/// lead role for that site. Refusals are written as problem details that say what to send instead.
/// </summary>
public sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AdminToken adminToken,
    IGrainFactory grains,
    KnownSites known,
    VerifiedLeadCodes verified,
    RefusalLog refusals,
    IProblemDetailsService problems) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;

        // Basic is the Orleans dashboard's sign-in, which its own handler checks; nothing to refuse here.
        if (string.IsNullOrEmpty(header) || header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        if (LeadCodes.BearerToken(header) is not { } token)
        {
            return Refuse("not a bearer token");
        }

        if (adminToken.Matches(token))
        {
            return Success(new Claim(ClaimTypes.Role, QueueBoardClaims.AdminRole));
        }

        // A code naming no site is refused here, before any grain hears of its site id.
        if (LeadCodes.SiteOf(token) is { } siteId && await known.ContainsAsync(siteId) && await IsLeadCodeAsync(token, siteId))
        {
            return Success(new Claim(ClaimTypes.Role, QueueBoardClaims.LeadRole), new Claim(QueueBoardClaims.Site, siteId));
        }

        return Refuse("unknown token");
    }

    private async ValueTask<bool> IsLeadCodeAsync(string token, string siteId)
    {
        var hash = LeadCodes.HashOfBearer(Context) ?? LeadCodes.Hash(token);
        if (verified.Holds(hash, siteId))
        {
            return true;
        }

        var started = verified.Now();
        if (!await grains.GetGrain<ISiteGrain>(siteId).IsLeadCode(hash))
        {
            return false;
        }

        verified.Passed(hash, siteId, started);
        return true;
    }

    /// <summary>
    /// An anonymous caller as far as authorization goes (a protected call then gets 401), logged briefly and sampled rather
    /// than by the framework's line for every failed attempt, which a flood of made-up tokens would turn into megabytes.
    /// </summary>
    private AuthenticateResult Refuse(string why)
    {
        refusals.Refused("bearer token", $"{why} from {ClientAddress.Of(Context)}");
        return AuthenticateResult.NoResult();
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => WriteProblemAsync(
        StatusCodes.Status401Unauthorized,
        "Sign in: send the command-centre token or this site's lead code as 'Authorization: Bearer <token>'.",
        "The token is missing, revoked or mistyped. Ask the command centre for a new lead code if yours stopped working.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => WriteProblemAsync(
        StatusCodes.Status403Forbidden,
        "This token may not do that: a lead code works only for its own site, and site set-up needs the command-centre token.",
        null);

    private AuthenticateResult Success(params Claim[] claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name)), Scheme.Name));

    private async Task WriteProblemAsync(int status, string title, string? detail)
    {
        Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            Response.Headers.WWWAuthenticate = "Bearer";
        }

        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
