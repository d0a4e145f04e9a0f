using System.Net;
using System.Net.Http.Json;
using System.Text;
using QueueBoard.Testing;
using QueueBoard.Web.Endpoints;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Web.Tests;

/// <summary>Input a careless or hostile client sends gets a clear refusal, carries the security headers, and changes nothing.</summary>
[Collection(AppCollection.Name)]
public sealed class StrictInputTests(QueueBoardAppFactory app)
{
    private readonly HttpClient _admin = app.Admin();
    private readonly string _siteId = NewSiteId();

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    public async Task A_body_that_is_not_json_gets_415_and_applies_nothing(string? contentType)
    {
        await _admin.CreateSiteAsync(_siteId);
        using var content = new StringContent("""{"events":[{"lane":"1","type":"arrived","count":5}]}""", Encoding.UTF8);
        content.Headers.ContentType = contentType is null ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        using var response = await _admin.PostAsync($"/api/v1/sites/{_siteId}/events", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Send the body as JSON with 'Content-Type: application/json'.", (await response.ReadJsonAsync())["title"]!.GetValue<string>());
        Assert.Equal(0, (await app.Anonymous().GetJsonAsync($"/api/v1/sites/{_siteId}")).Number("queueLength"));
    }

    [Theory]
    [InlineData("""{"events":[{"lane":"1","type":"arrived","count":"5"}]}""")]
    [InlineData("""{"events":[{"lane":"1","type":"arrived","Count":5}]}""")]
    [InlineData("""{"Events":[{"lane":"1","type":"arrived","count":5}]}""")]
    [InlineData("""{"events":[{"lane":"1","type":"arrived","count":5}],"events":[]}""")]
    [InlineData("""{"events":[{"lane":"1","type":"arrived","count":5,"count":50}]}""")]
    [InlineData("""{"events":[{"id":"{0b9c1f6e-2d4a-4f3b-9c1a-7e2f5d8b6a10}","lane":"1","type":"arrived","count":5}]}""")]
    [InlineData("""{"events":[{"id":"0b9c1f6e2d4a4f3b9c1a7e2f5d8b6a10","lane":"1","type":"arrived","count":5}]}""")]
    [InlineData("""{"events":[{"id":" 0b9c1f6e-2d4a-4f3b-9c1a-7e2f5d8b6a10","lane":"1","type":"arrived","count":5}]}""")]
    public async Task Numbers_names_and_ids_must_be_as_the_contract_writes_them_and_each_name_once(string body)
    {
        await _admin.CreateSiteAsync(_siteId);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await _admin.PostAsync($"/api/v1/sites/{_siteId}/events", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]);
        Assert.Equal(0, (await app.Anonymous().GetJsonAsync($"/api/v1/sites/{_siteId}")).Number("queueLength"));
    }

    [Theory]
    [InlineData("1号\u202E道通")]
    [InlineData("Line\nbreak")]
    [InlineData("Bell\u0007")]
    [InlineData("\u2066isolate\u2069")]
    [InlineData("\U000E0020\U000E0020")]
    [InlineData("1号\U0001D173通道")]
    [InlineData("\u3164")]
    [InlineData("\u2800\u2800")]
    public async Task Names_refuse_control_and_bidi_characters(string name)
    {
        using var response = await PutSiteNamedAsync(name);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]!["name"]);
        using var missing = await app.Anonymous().GetAsync($"/api/v1/sites/{_siteId}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Names_keep_rare_characters_and_emoji_built_with_joiners()
    {
        // A village's name in an extension block (𠀋) and an emoji joined by U+200D are shown as typed.
        const string name = "𠀋村👩\u200D⚕️采样点";
        using var response = await PutSiteNamedAsync(name);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(name, (await app.Anonymous().GetJsonAsync($"/api/v1/sites/{_siteId}"))["name"]!.GetValue<string>());
    }

    private Task<HttpResponseMessage> PutSiteNamedAsync(string name) => _admin.PutAsJsonAsync(
        $"/api/v1/sites/{_siteId}",
        new
        {
            name,
            area = "环市街道",
            latitude = 22.59,
            longitude = 113.08,
            lanes = new[] { new { id = "1", name = "1号通道", kind = "standard" } },
        },
        TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_made_up_host_too_long_for_a_lead_cards_code_gets_400_not_500()
    {
        await _admin.CreateSiteAsync(_siteId);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/sites/{_siteId}/lead-qr.svg");
        request.Headers.Host = string.Join('.', Enumerable.Repeat(new string('a', 60), 50));

        using var response = await app.Anonymous().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_with_the_security_headers()
    {
        await _admin.CreateSiteAsync(_siteId);
        // As a client sending a large body should, it waits to be asked for it: a node that refuses the body from its
        // declared length answers at once and closes, and a client still writing then meets a broken pipe, not the answer.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sites/{_siteId}/events")
        {
            Content = new StringContent(new string(' ', (int)SiteLeadEndpoints.MaximumBodyBytes + 1024) + "{}", Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;
        request.Headers.ConnectionClose = true;

        using var response = await _admin.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(response.Headers.Contains("Content-Security-Policy"), string.Join(", ", response.Headers.Select(h => h.Key)));
        Assert.True(response.Headers.Contains("X-Content-Type-Options"));
    }
}
