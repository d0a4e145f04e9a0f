using QueueBoard.Testing;

namespace QueueBoard.Browser.Tests;

/// <summary>The app on a fixed HTTP port, so that it can be stopped and started again where the pages expect it.</summary>
public sealed class RestartableApp(int httpPort) : QueueBoardAppFactory(httpPort);
