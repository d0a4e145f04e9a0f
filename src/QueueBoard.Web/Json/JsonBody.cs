using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using QueueBoard.Web.Problems;

namespace QueueBoard.Web.Json;

/// <summary>
/// Reads a request body so that a body that is not <c>application/json</c> gets 415, and malformed JSON a validation
/// problem naming the bad field, rather than the framework's bare 400 (or, in Development, an exception page).
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpContext context)
        where T : class
    {
        if (!context.Request.HasJsonContentType())
        {
            return (null, ApiProblems.UnsupportedMediaType(context.Request.ContentType));
        }

        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, options, context.RequestAborted);
            return value is null
                ? (null, ApiProblems.Invalid("The request body is empty.", new() { ["body"] = ["Send a JSON object."] }))
                : (value, null);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            return (null, ApiProblems.Invalid(
                "The request body is not valid JSON for this call.",
                new() { [field] = [$"Not valid here: check the JSON syntax and the value's type (line {ex.LineNumber + 1})."] }));
        }
    }
}
