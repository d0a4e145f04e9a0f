using QueueBoard.Abstractions.Grains;
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
    public static RouteGroupBuilder MapSiteAdmin(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/sites/{siteId}").RequireAuthorization(AuthPolicies.Admin);
        admin.MapPut("/", PutSite);
        admin.MapPost("/lead-codes", CreateLeadCode);
        admin.MapDelete("/lead-codes", RevokeLeadCodes);
        return api;
    }

    private static async Task<IResult> PutSite(string siteId, HttpContext context, KnownSites known, IGrainFactory grains)
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
        }

        return outcome.Site is { } site
            ? TypedResults.Ok(site)
            : ApiProblems.Conflict(
                $"People are still queued in lane {string.Join(", ", outcome.LanesStillQueued)}; nothing was changed.",
                "Move them to another lane and set the lane's head count to 0 before removing it.");
    }

    private static async Task<IResult> CreateLeadCode(string siteId, HttpContext context, KnownSites known, IGrainFactory grains)
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

        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created((string?)null, new LeadCodeResponse(code));
    }

    private static async Task<IResult> RevokeLeadCodes(string siteId, KnownSites known, IGrainFactory grains)
    {
        if (!await known.ContainsAsync(siteId))
        {
            return ApiProblems.SiteNotFound(siteId);
        }

        await grains.GetGrain<ISiteGrain>(siteId).RevokeLeadCodes();
        return TypedResults.NoContent();
    }
}
