using Microsoft.AspNetCore.Authorization;

namespace QueueBoard.Web.Auth;

/// <summary>Decides <see cref="SiteAccessRequirement"/> against the route's site id: a lead reaches only their own site.</summary>
public sealed class SiteAccessHandler(IHttpContextAccessor http) : AuthorizationHandler<SiteAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SiteAccessRequirement requirement)
    {
        var routeSite = http.HttpContext?.GetRouteValue("siteId") as string;
        var user = context.User;
        if (user.IsInRole(QueueBoardClaims.AdminRole)
            || (user.IsInRole(QueueBoardClaims.LeadRole) && routeSite is not null && user.HasClaim(QueueBoardClaims.Site, routeSite)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
