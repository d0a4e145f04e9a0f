using Microsoft.AspNetCore.Authorization;

namespace QueueBoard.Web.Auth;

/// <summary>Met by the admin, or by a lead whose code belongs to the site named in the route's <c>siteId</c>.</summary>
public sealed class SiteAccessRequirement : IAuthorizationRequirement;
