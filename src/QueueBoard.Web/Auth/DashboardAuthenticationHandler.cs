using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using QueueBoard.Web.Limits;

namespace QueueBoard.Web.Auth;

/// <summary>
/// The Orleans dashboard's sign-in: HTTP Basic with the admin token as password (any user name). The dashboard is a
/// page of its own that fetches its figures itself and cannot send the API's bearer header, but every browser asks for
/// Basic credentials by itself and sends them with each of the page's requests.
/// </summary>
public sealed class DashboardAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AdminToken adminToken,
    RefusalLog refusals) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "QueueBoardDashboard";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (Password(header.Parameter) is { } password && adminToken.Matches(password))
        {
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Role, QueueBoardClaims.AdminRole)], SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }

        refusals.Refused("dashboard sign-in", $"wrong password from {ClientAddress.Of(Context)}");
        return Task.FromResult(AuthenticateResult.NoResult());
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // The realm is what the browser's sign-in box shows; the password it asks for is the command-centre token.
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"QueueBoard Orleans dashboard: the admin token is the password\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }

    private static string? Password(string? parameter)
    {
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter ?? string.Empty));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : decoded[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
