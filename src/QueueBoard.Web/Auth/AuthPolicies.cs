namespace QueueBoard.Web.Auth;

/// <summary>The authorization policies endpoints ask for.</summary>
public static class AuthPolicies
{
    /// <summary>The command centre: site set-up and lead codes.</summary>
    public const string Admin = "admin";

    /// <summary>A lead of the route's site, or the command centre.</summary>
    public const string SiteLead = "site-lead";

    /// <summary>The Orleans dashboard: the command centre, signed in with HTTP Basic.</summary>
    public const string Dashboard = "dashboard";
}
