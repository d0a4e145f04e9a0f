using QueueBoard.Web.Extensions;
using QueueBoard.Web.Hubs;

// First, while the runtime has not yet read how many pooled arrays to keep.
PushBufferPool.Size();

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,

    // appsettings*.json beside the dll are found whatever directory the node is started from.
    ContentRootPath = AppContext.BaseDirectory,
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});
builder.AddQueueBoard();

var app = builder.Build();
app.MapQueueBoard();
app.Run();

/// <summary>The QueueBoard web host: co-hosted Orleans silo, HTTP API, SignalR hub and pages.</summary>
public partial class Program;
