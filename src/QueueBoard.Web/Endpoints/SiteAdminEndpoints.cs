using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using QueueBoard.Abstractions.Grains;
using QueueBoard.Abstractions.Model;
using QueueBoard.Web.Audit;
using QueueBoard.Web.Auth;
using QueueBoard.Web.Contracts;
using QueueBoard.Web.Json;
using QueueBoard.Web.Problems;
using QueueBoard.Web.Sites;
using QueueBoard.Web.Validation;

namespace QueueBoard.Web.Endpoints;

/// <summary>The command centre's calls: configure a site, issue and revoke its lead codes.</summary>
public static class SiteAdminEndpoints
{
    /// <summary>A site with a hundred lanes and long names in both languages is well under this.</summary>
    public const long MaximumSiteBodyBytes = 256 * 1024;

    public static RouteGroupBuilder MapSiteAdmin(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/sites/{siteId}").RequireAuthorization(AuthPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        admin.MapPut(string.Empty, PutSite)
            .WithMetadata(new RequestSizeLimitAttribute(MaximumSiteBodyBytes))
            .Accepts<SiteConfigRequest>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        admin.MapPost("/lead-codes", CreateLeadCode)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapDelete("/lead-codes", RevokeLeadCodes)
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapGet("/config", GetConfig)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/district.json", GetDistrict).RequireAuthorization(AuthPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        admin.MapGet("/audit", GetAudit)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>The site's configuration as the admin pages edit it: the body of its last PUT.</summary>
    private static async Task<Results<Ok<DistrictFileSite>, ProblemHttpResult>> GetConfig(string siteId, KnownSites known, IGrainFactory grains)
    {
        var config = await known.ContainsAsync(siteId) ? await grains.GetGrain<ISiteGrain>(siteId).GetConfig() : null;
        return config is null ? ApiProblems.SiteNotFound(siteId) : TypedResults.Ok(SiteConfigDocuments.ToFileSite(siteId, config));
    }

    /// <summary>Every site's configuration as one file, in the demo district's format, for export and import.</summary>
    private static async Task<Ok<DistrictFile>> GetDistrict(IGrainFactory grains)
    {
        var ids = (await grains.GetGrain<IDistrictGrain>(0).GetSiteIds(0)).Ids.Order(StringComparer.Ordinal).ToList();
        var configs = await Task.WhenAll(ids.Select(id => grains.GetGrain<ISiteGrain>(id).GetConfig()));
        return TypedResults.Ok(new DistrictFile([.. ids.Zip(configs).Where(x => x.Second is not null).Select(x => SiteConfigDocuments.ToFileSite(x.First, x.Second!))]));
    }

    private static async Task<Results<Ok<SiteDetail>, ProblemHttpResult>> PutSite(string siteId, HttpContext context, KnownSites known, IGrainFactory grains, AuditTrail audit)
    {
        if (!Identifiers.IsValid(siteId))
        {
            return ApiProblems.Invalid("The site id is not valid.", new() { ["siteId"] = [$"A site id is {Identifiers.Rule}."] });
        }

        var (request, problem) = await JsonBody.ReadAsync<SiteConfigRequest>(context);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        var config = SiteConfigValidator.Validate(request!, errors);
        if (config is null)
        {
            return ApiProblems.Invalid("The site configuration has errors; nothing was changed.", errors.ToDictionary());
        }

        var outcome = await grains.GetGrain<ISiteGrain>(siteId).Configure(config);
        if (outcome.Site is not null)
        {
            known.Add(siteId);
            audit.Record(context, siteId, "site configured", detail: $"{config.Lanes.Length} lanes: {string.Join(", ", config.Lanes.Select(l => l.Id))}");
        }

        return outcome.Site is { } site
            ? TypedResults.Ok(site)
            : ApiProblems.Conflict(
                $"People are still queued in lane {string.Join(", ", outcome.LanesStillQueued)}; nothing was changed.",
                "Move them to another lane and set the lane's head count to 0 before removing it.");
    }

    private static async Task<Results<Created<LeadCodeResponse>, ProblemHttpResult>> CreateLeadCode(string siteId, HttpContext context, KnownSites known, IGrainFactory grains, AuditTrail audit)
    {
        if (!await known.ContainsAsync(siteId))
        {
            return ApiProblems.SiteNotFound(siteId);
        }

        var site = grains.GetGrain<ISiteGrain>(siteId);
        var code = LeadCodes.New(siteId);
        if (!await site.AddLeadCode(LeadCodes.Hash(code)))
        {
            return ApiProblems.Conflict(
                "This site already has the most lead codes it may hold.",
                "Revoke them all with DELETE on the same path, then issue new ones to the leads on duty.");
        }

        audit.Record(context, siteId, "lead code issued", detail: $"lead:{LeadCodes.IdOf(code)}");
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created((string?)null, new LeadCodeResponse(code));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeLeadCodes(
        string siteId, HttpContext context, KnownSites known, IGrainFactory grains, VerifiedLeadCodes verified, AuditTrail audit)
    {
        if (!await known.ContainsAsync(siteId))
        {
            return ApiProblems.SiteNotFound(siteId);
        }

        await grains.GetGrain<ISiteGrain>(siteId).RevokeLeadCodes();
        verified.Revoked(siteId);
        audit.Record(context, siteId, "lead codes revoked");
        return TypedResults.NoContent();
    }

    /// <summary>The site's recent writes, newest first: <c>?limit=N</c> (1 to 5000, default 200).</summary>
    private static async Task<Results<Ok<ImmutableArray<AuditEntry>>, ProblemHttpResult>> GetAudit(string siteId, string? limit, KnownSites known, AuditTrail audit)
    {
        if (!await known.ContainsAsync(siteId))
        {
            return ApiProblems.SiteNotFound(siteId);
        }

        if (QueryNumber.Parse(limit, AuditTrail.DefaultLimit, 1, AuditTrail.MaximumLimit) is not { } count)
        {
            return ApiProblems.Invalid("The limit is not valid.", new() { ["limit"] = [$"Give a whole number from 1 to {AuditTrail.MaximumLimit}."] });
        }

        return TypedResults.Ok(await audit.ReadAsync(siteId, count));
    }
}
