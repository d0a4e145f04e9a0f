using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;

namespace QueueBoard.Web.Extensions;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>, generated from the endpoints, with what generation cannot see: the
/// bearer token the protected calls take (a lead code or the admin token), and times that are strings in JSON, written by
/// QueueBoard's own converter.
/// </summary>
public static class OpenApiExtensions
{
    public const string BearerScheme = "bearer";

    public static IServiceCollection AddQueueBoardOpenApi(this IServiceCollection services) => services.AddOpenApi(o =>
    {
        o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "QueueBoard API";
            document.Info.Description = "Live queues of mass sampling sites: the board and sites for residents, events for site leads, set-up for the command centre.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A site's lead code (its own site's events and access) or the admin token (everything).",
            };
            return Task.CompletedTask;
        });
        o.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any())
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
            }

            return Task.CompletedTask;
        });
        o.AddSchemaTransformer((schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            if (type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?))
            {
                schema.Type = type == typeof(DateTimeOffset) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
                schema.Format = "date-time";
            }

            return Task.CompletedTask;
        });
    });
}
