using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using QueueBoard.Grains;
using QueueBoard.Grains.Options;
using QueueBoard.Grains.Publishing;
using QueueBoard.Web.Audit;
using QueueBoard.Web.Auth;
using QueueBoard.Web.Demo;
using QueueBoard.Web.Hubs;
using QueueBoard.Web.Ingestion;
using QueueBoard.Web.Json;
using QueueBoard.Web.Limits;
using QueueBoard.Web.Memory;
using QueueBoard.Web.Options;
using QueueBoard.Web.Problems;
using OpenTelemetry.Metrics;
using QueueBoard.Web.Sites;
using QueueBoard.Web.Telemetry;
using QueueBoard.Web.Validation;
using QueueBoard.Web.History;
using QueueBoard.Web.Reports;

namespace QueueBoard.Web.Extensions;

/// <summary>Wires QueueBoard's services: options, SignalR, the cluster (<see cref="ClusterExtensions"/>), JSON, problem details, auth and the demo district.</summary>
public static class QueueBoardServiceExtensions
{
    /// <summary>How long a stopping node may take to hand its grains over and write their history.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(50);

    public static WebApplicationBuilder AddQueueBoard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(QueueBoardOptions.Section);
        var development = builder.Environment.IsDevelopment();

        // The host's 30 s default can cut a busy silo off while it writes its grains' history on the way out; compose and
        // Kubernetes give a node 60 s. An operator's shutdownTimeoutSeconds still wins.
        if (builder.Configuration["shutdownTimeoutSeconds"] is null)
        {
            services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        }

        services.AddOptions<QueueBoardOptions>().Bind(section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.AdminToken),
                "QueueBoard:AdminToken is required: start with --QueueBoard:AdminToken=<secret> (Development configuration has one).")
            .Validate(o => o.AdminToken is null || o.AdminToken == o.AdminToken.Trim(),
                "QueueBoard:AdminToken starts or ends with white space (a line break from a secret file?); give the token alone.")
            .Validate(o => development || o.AdminToken is null || o.AdminToken.Length >= QueueBoardOptions.MinimumAdminTokenLength,
                $"QueueBoard:AdminToken is too short to be safe: use at least {QueueBoardOptions.MinimumAdminTokenLength} random characters, e.g. the output of 'openssl rand -hex 32'.")
            .ValidateOnStart();
        services.AddOptions<QueueGrainOptions>().Bind(section)
            .Validate(o => TimeZoneExists(o.TimeZone), "QueueBoard:TimeZone is not a time zone this machine knows (use an IANA id such as Asia/Shanghai).")
            .Validate(o => o.DefaultServiceSeconds is > 0 and <= 3600, "QueueBoard:DefaultServiceSeconds must be more than 0 and at most 3600.")
            .Validate(o => o.SitePushInterval > TimeSpan.Zero && o.BoardPushInterval > TimeSpan.Zero && o.SiteRefreshInterval > TimeSpan.Zero, "QueueBoard push and refresh intervals must be positive.")

            // Zero would grey every open site and alert on each; huge or NaN would fail every picture built.
            .Validate(o => o.SilentAfterMinutes is > 0 and <= 24 * 60, "QueueBoard:SilentAfterMinutes must be more than 0 and at most 1440.")
            .Validate(o => o.AlertWaitMinutes > 0 && o.CriticalWaitMinutes >= o.AlertWaitMinutes && o.AlertQueueLength > 0, "QueueBoard:AlertWaitMinutes and AlertQueueLength must be above 0, and CriticalWaitMinutes at least AlertWaitMinutes.")
            .ValidateOnStart();

        var queueBoard = section.Get<QueueBoardOptions>() ?? new();
        var limits = builder.Configuration.GetSection(RequestLimitOptions.Section).Get<RequestLimitOptions>() ?? new();
        services.AddOptions<RequestLimitOptions>().Bind(builder.Configuration.GetSection(RequestLimitOptions.Section))
            .Validate(RequestLimitOptions.AreValid, "Every QueueBoard:Limits setting must be a whole number above 0 (LeadEventBurst at least a full batch of 1000), the connection caps 0 or more (switch request rates off with QueueBoard:RateLimits=false).")
            .ValidateOnStart();
        services.AddSingleton<RefusalLog>();
        var openFiles = OpenFileLimit.Read();
        services.AddSingleton(new HubConnectionCounter(ConnectionLimits.WebSockets(limits, openFiles)));
        services.AddQueueBoardRateLimits(limits, queueBoard.AdminToken);
        services.AddSingleton(new LeadEventBudget(limits, queueBoard.RateLimits));
        services.AddSingleton(new HubAddressBudget(limits));
        builder.WebHost.ConfigureKestrel(kestrel => ConnectionLimits.Apply(kestrel.Limits, limits, openFiles));
        services.AddTrustedProxies(queueBoard.TrustedProxies);

        // Refusals are logged briefly and sampled (RefusalLog); the framework's line per challenged token and per failed hub
        // call would let a flood of bad requests write megabytes.
        builder.Logging.AddFilter(HubErrorFilter.DispatcherCategory, LogLevel.None);
        builder.Logging.AddFilter(typeof(BearerAuthenticationHandler).FullName, LogLevel.Warning);
        var signalR = services.AddSignalR(o =>
            {
                o.MaximumReceiveMessageSize = limits.HubMessageBytes;
                o.AddFilter<HubErrorFilter>();
                o.AddFilter<HubCallLimitFilter>();
            })
            .AddJsonProtocol(o => QueueBoardJson.Configure(o.PayloadSerializerOptions));
        services.AddHostedService<PushBufferPoolLog>();
        if (queueBoard.ReturnMemoryWhenQuiet)
        {
            services.AddHostedService<QuietMemoryReturn>();
        }

        builder.AddQueueBoardCluster(signalR);
        services.AddQueueGrains();
        services.AddSingleton<IQueuePublisher, HubQueuePublisher>();
        services.AddSingleton<BoardShardPicker>();
        services.AddSingleton<EventBatchValidator>();
        services.AddSingleton<EventIngestor>();
        services.AddSingleton<DistrictHistory>();
        services.AddSingleton<DayReportBuilder>();
        services.AddSingleton<ReportCsv>();
        services.AddSingleton<KnownSites>();
        services.AddSingleton<BoardReadCache>();
        services.AddSingleton<VerifiedLeadCodes>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, AuditFlushOnSiloStop>();
        services.AddSingleton<QueueBoardMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(QueueBoardMetrics.MeterName, "Microsoft.Orleans")
            .AddAspNetCoreInstrumentation()
            .AddPrometheusExporter());

        services.ConfigureHttpJsonOptions(o => QueueBoardJson.Configure(o.SerializerOptions));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDefaults.Apply);
        services.AddQueueBoardCompression();
        services.AddQueueBoardOpenApi();
        services.AddExceptionHandler<ExceptionProblemHandler>();

        services.AddHttpContextAccessor();
        services.AddSingleton<AdminToken>();
        services.AddAuthentication(QueueBoardClaims.Scheme)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(QueueBoardClaims.Scheme, null)
            .AddScheme<AuthenticationSchemeOptions, DashboardAuthenticationHandler>(DashboardAuthenticationHandler.SchemeName, null);
        services.AddSingleton<IAuthorizationHandler, SiteAccessHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.Admin, p => p.RequireRole(QueueBoardClaims.AdminRole))
            .AddPolicy(AuthPolicies.SiteLead, p => p.AddRequirements(new SiteAccessRequirement()))
            .AddPolicy(AuthPolicies.Dashboard, p => p.AddAuthenticationSchemes(DashboardAuthenticationHandler.SchemeName).RequireRole(QueueBoardClaims.AdminRole));

        if (section.GetValue<bool>(nameof(QueueBoardOptions.Demo)))
        {
            services.AddDemoDistrict();
        }

        return builder;
    }

    private static bool TimeZoneExists(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
