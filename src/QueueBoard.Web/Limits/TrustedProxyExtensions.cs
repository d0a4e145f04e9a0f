using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace QueueBoard.Web.Limits;

/// <summary>
/// Believes <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> only from the proxies named in
/// <c>QueueBoard:TrustedProxies</c> (nginx in front of the nodes), so that behind a proxy the limits and the audit trail
/// see each client's own address, and without one no client can choose the address it is counted under.
/// </summary>
public static class TrustedProxyExtensions
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, string? trustedProxies)
    {
        if (string.IsNullOrWhiteSpace(trustedProxies))
        {
            return services;
        }

        var entries = trustedProxies.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var entry in entries)
            {
                if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
                {
                    options.KnownIPNetworks.Add(network);
                }
                else if (IPAddress.TryParse(entry, out var address))
                {
                    options.KnownProxies.Add(address);
                }
                else
                {
                    throw new InvalidOperationException(
                        $"QueueBoard:TrustedProxies has '{entry}', which is neither an IP address nor a CIDR range such as 172.16.0.0/12.");
                }
            }
        });
        return services;
    }

    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app, string? trustedProxies) =>
        string.IsNullOrWhiteSpace(trustedProxies) ? app : app.UseForwardedHeaders();
}
