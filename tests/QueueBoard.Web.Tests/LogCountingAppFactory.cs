using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using QueueBoard.Testing;

namespace QueueBoard.Web.Tests;

/// <summary>The app with request rates off and a logger that counts what the app would write, for floods measured whole.</summary>
public sealed class LogCountingAppFactory(CountingLoggerProvider logs) : QueueBoardAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("QueueBoard:RateLimits", "false");
        builder.ConfigureLogging(logging => logging.AddProvider(logs));
    }
}
