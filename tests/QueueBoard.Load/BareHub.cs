using Microsoft.AspNetCore.SignalR;

namespace QueueBoard.Load;

/// <summary>Baseline (b)'s hub: a watcher joins a group (a site's walls, or the board) and then only listens.</summary>
public sealed class BareHub : Hub
{
    public Task Watch(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);
}
