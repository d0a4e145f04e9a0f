namespace QueueBoard.Web.Options;

/// <summary>
/// The <c>QueueBoard</c> configuration section: start-up switches from the contract. The grains read the same section
/// into their own options (time zone, default service time).
/// </summary>
public sealed class QueueBoardOptions
{
    public const string Section = "QueueBoard";

    /// <summary>Outside Development a shorter admin token is refused at start-up: it could be guessed.</summary>
    public const int MinimumAdminTokenLength = 32;

    /// <summary>The command-centre bearer token; required, at least 32 characters outside Development (whose configuration supplies one).</summary>
    public string? AdminToken { get; set; }

    /// <summary>Seed the Pengjiang demo district and run its traffic simulator.</summary>
    public bool Demo { get; set; }

    /// <summary>Redis <c>HOST:PORT</c> (or a StackExchange.Redis configuration string) for cluster mode; empty for one process.</summary>
    public string? Redis { get; set; }

    /// <summary><c>Memory</c> runs without Redis on purpose outside Development; nothing then survives a restart.</summary>
    public string? Storage { get; set; }

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The Orleans cluster id: nodes with the same one (and the same Redis) form one cluster.</summary>
    public string ClusterId { get; set; } = "queueboard";

    /// <summary>The Orleans service id: the name grain state is stored under, kept across deployments of one district.</summary>
    public string ServiceId { get; set; } = "queueboard";

    /// <summary>The IP address or host name other nodes reach this one at; empty picks this machine's own address.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Request rate limits (<c>QueueBoard:Limits</c>); false only for load tests on one machine.</summary>
    public bool RateLimits { get; set; } = true;

    /// <summary>
    /// Proxies whose <c>X-Forwarded-For</c> is believed, as IP addresses or CIDR ranges separated by commas (nginx in front
    /// of the nodes); empty believes none, so a client cannot choose the address its limits and audit go by.
    /// </summary>
    public string? TrustedProxies { get; set; }

    /// <summary>
    /// Serve the Orleans dashboard at <c>/dashboard/</c> to the command centre (HTTP Basic sign-in with the admin token as
    /// password). Off by default: it profiles every grain call, which costs a little on every event.
    /// </summary>
    public bool Dashboard { get; set; }

    /// <summary>
    /// Once the node has gone quiet after a busy spell, collect its garbage and give the memory back to the machine
    /// (<see cref="Memory.QuietMemoryReturn"/>); false leaves it to the collector, which runs only as the node allocates.
    /// </summary>
    public bool ReturnMemoryWhenQuiet { get; set; } = true;

    /// <summary>Running in Kubernetes: endpoints and cluster ids come from the pod (Orleans' Kubernetes hosting).</summary>
    public bool Kubernetes { get; set; }
}
