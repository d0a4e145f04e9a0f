using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using QueueBoard.Web.Auth;
using QueueBoard.Web.Options;

namespace QueueBoard.Web.Limits;

/// <summary>
/// Request rate limits with ASP.NET Core's rate limiter: writes per lead code and per client address, reads per client
/// address, each a token bucket; a request over a limit gets 429 with <c>Retry-After</c> and changes nothing. The command
/// centre's token is limited by address only, so a district import is not throttled like a phone.
/// </summary>
public static class RateLimitExtensions
{
    /// <summary>
    /// The policy of public reads that fan out: the district's history and replay (every site) and a stored day of a site or
    /// lane (<c>?date=</c>, a day of hour records). Each address gets its own small bucket for them, on top of its reads.
    /// </summary>
    public const string HeavyReads = "heavy-reads";

    public static IServiceCollection AddQueueBoardRateLimits(this IServiceCollection services, RequestLimitOptions limits, string? adminToken)
    {
        var adminId = string.IsNullOrWhiteSpace(adminToken) ? null : LeadCodes.IdOf(adminToken);
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsWrite(context.Request)
                    ? Bucket($"write:{ClientAddress.LimitKey(context)}", limits.AddressWritesPerSecond, limits.AddressWriteBurst)
                    : Bucket($"read:{ClientAddress.LimitKey(context)}", limits.AddressReadsPerSecond, limits.AddressReadBurst)),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    IsWrite(context.Request) && LeadCodes.IdOfBearer(context) is { } id && id != adminId
                        ? Bucket($"code:{id}", limits.LeadWritesPerSecond, limits.LeadWriteBurst)
                        : RateLimitPartition.GetNoLimiter("unlimited")));
            options.AddPolicy(HeavyReads, context => IsHeavy(context.Request)
                ? Bucket($"heavy:{ClientAddress.LimitKey(context)}", limits.AddressHeavyReadsPerSecond, limits.AddressHeavyReadBurst)
                : RateLimitPartition.GetNoLimiter("light"));
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    public static IApplicationBuilder UseQueueBoardRateLimits(this IApplicationBuilder app, QueueBoardOptions options) =>
        options.RateLimits ? app.UseRateLimiter() : app;

    private static bool IsWrite(HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
        && request.Path.StartsWithSegments("/api", StringComparison.Ordinal);

    // A site's or lane's recent minutes come from its grain's memory; only a stored day, or a read of every site, is heavy.
    private static bool IsHeavy(HttpRequest request) =>
        request.Query.ContainsKey("date") || !request.RouteValues.ContainsKey("siteId");

    private static RateLimitPartition<string> Bucket(string key, int perSecond, int burst) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => TokenBuckets.Options(perSecond, burst));

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        context.RequestServices.GetRequiredService<RefusalLog>().Refused("rate limit", $"{context.Request.Method} {context.Request.Path} from {ClientAddress.Of(context)}");
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = $"Too many requests from this device or address. Wait {retryAfter} s and send the same request again.",
                Detail = "Nothing in the refused request was applied; events with ids are counted once however often they are sent.",
            },
        });
    }
}
