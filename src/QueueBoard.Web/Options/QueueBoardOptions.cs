namespace QueueBoard.Web.Options;

/// <summary>
/// The <c>QueueBoard</c> configuration section: start-up switches from the contract. The grains read the same section
/// into their own options (time zone, default service time).
/// </summary>
public sealed class QueueBoardOptions
{
    public const string Section = "QueueBoard";

    /// <summary>The command-centre bearer token; required (Development configuration supplies one).</summary>
    public string? AdminToken { get; set; }

    /// <summary>Seed the Pengjiang demo district and run its traffic simulator.</summary>
    public bool Demo { get; set; }

    /// <summary>Redis <c>HOST:PORT</c> for cluster mode; empty for the embedded single-process mode.</summary>
    public string? Redis { get; set; }

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;
}
