using Microsoft.AspNetCore.Hosting;

namespace QueueBoard.Testing;

/// <summary>The real app (<see cref="QueueBoardAppFactory"/>) with some settings changed, as an operator would start it.</summary>
public sealed class ConfiguredAppFactory(params (string Key, string Value)[] settings) : QueueBoardAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
