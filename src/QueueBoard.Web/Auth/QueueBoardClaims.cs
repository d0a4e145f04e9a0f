namespace QueueBoard.Web.Auth;

/// <summary>The claims a bearer token turns into: a role, and for site leads the one site they run.</summary>
public static class QueueBoardClaims
{
    public const string Scheme = "QueueBoardBearer";
    public const string Site = "queueboard:site";
    public const string AdminRole = "admin";
    public const string LeadRole = "lead";
}
