using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using QueueBoard.Web.Audit;
using QueueBoard.Web.Auth;
using QueueBoard.Web.Contracts;
using QueueBoard.Web.Ingestion;
using QueueBoard.Web.Json;
using QueueBoard.Web.Limits;
using QueueBoard.Web.Problems;
using QueueBoard.Web.Sites;

namespace QueueBoard.Web.Endpoints;

/// <summary>A site lead's calls: post lane events, and check a lead code at sign-in.</summary>
public static class SiteLeadEndpoints
{
    /// <summary>A full batch of 1000 events is well under this; anything larger is not a lead's phone.</summary>
    public const long MaximumBodyBytes = 1024 * 1024;

    public static RouteGroupBuilder MapSiteLead(this RouteGroupBuilder api)
    {
        var lead = api.MapGroup("/sites/{siteId}").RequireAuthorization(AuthPolicies.SiteLead)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        lead.MapPost("/events", PostEvents).WithMetadata(new RequestSizeLimitAttribute(MaximumBodyBytes))
            .Accepts<EventBatchRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        lead.MapGet("/access", GetAccess);
        return api;
    }

    private static async Task<Results<Ok<EventBatchResponse>, ProblemHttpResult>> PostEvents(
        string siteId, HttpContext context, KnownSites known, EventIngestor ingestor, LeadEventBudget budget, AuditTrail audit)
    {
        if (!await known.ContainsAsync(siteId))
        {
            return ApiProblems.SiteNotFound(siteId);
        }

        var (request, problem) = await JsonBody.ReadAsync<EventBatchRequest>(context);
        if (problem is not null)
        {
            return problem;
        }

        // Checked before the budget is charged: a batch the checks refuse spends none of the lead's events (one naming a
        // lane the site no longer has is found only at the site, after).
        if (ingestor.Check(request!, out var events) is { Errors: { } errors })
        {
            return ApiProblems.Invalid("The batch has errors; no event in it was applied.", errors);
        }

        if (budget.Refuses(context, events.Length) is { } wait)
        {
            return ApiProblems.TooManyEvents(context.Response, wait);
        }

        var result = await ingestor.ApplyAsync(siteId, events);
        if (!result.SiteFound)
        {
            return ApiProblems.SiteNotFound(siteId);
        }

        if (result.StorageFailed)
        {
            return ApiProblems.Unavailable(context.Response);
        }

        if (result.Applied is not { } applied)
        {
            return ApiProblems.Invalid("The batch has errors; no event in it was applied.", result.Errors!);
        }

        audit.RecordEvents(context, siteId, applied.Accepted);
        return TypedResults.Ok(applied);
    }

    private static async Task<Results<Ok<AccessResponse>, ProblemHttpResult>> GetAccess(string siteId, HttpContext context, KnownSites known)
    {
        if (!await known.ContainsAsync(siteId))
        {
            return ApiProblems.SiteNotFound(siteId);
        }

        var role = context.User.IsInRole(QueueBoardClaims.AdminRole) ? QueueBoardClaims.AdminRole : QueueBoardClaims.LeadRole;
        return TypedResults.Ok(new AccessResponse(role, siteId));
    }
}
