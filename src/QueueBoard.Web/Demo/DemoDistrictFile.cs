using System.Text.Json;

namespace QueueBoard.Web.Demo;

/// <summary>
/// The Pengjiang demo district (<c>Demo/pengjiang.json</c>, copied beside the dll): the sites the simulator runs. Their
/// opening hours are read in <c>QueueBoard:TimeZone</c> like any site's.
/// </summary>
public sealed record DemoDistrictFile(IReadOnlyList<DemoSite> Sites)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static async Task<DemoDistrictFile> LoadAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Demo", "pengjiang.json");
        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<DemoDistrictFile>(file, Options, cancellationToken)
            ?? throw new InvalidDataException($"The demo district file {path} is empty.");
    }
}
