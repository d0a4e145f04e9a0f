using Microsoft.AspNetCore.Http.HttpResults;
using QueueBoard.Abstractions.Grains;
using QueueBoard.Web.Audit;
using QueueBoard.Web.Auth;
using QueueBoard.Web.Contracts;
using QueueBoard.Web.Json;
using QueueBoard.Web.Problems;

namespace QueueBoard.Web.Endpoints;

/// <summary>
/// The command centre acknowledges an alert (admin token): every screen then shows someone is on it, and it ranks below
/// the alerts nobody has taken yet, until its condition clears. Recorded in the site's audit trail.
/// </summary>
public static class AlertEndpoints
{
    public static RouteGroupBuilder MapAlerts(this RouteGroupBuilder api)
    {
        api.MapPost("/alerts/acknowledge", Acknowledge).RequireAuthorization(AuthPolicies.Admin)
            .Accepts<AlertAcknowledgeRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Acknowledge(HttpContext context, IGrainFactory grains, AuditTrail audit)
    {
        var (request, problem) = await JsonBody.ReadAsync<AlertAcknowledgeRequest>(context);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(request!.Id) || request.Id.Length > 300)
        {
            return ApiProblems.Invalid("Name the alert to acknowledge.", new() { ["id"] = ["Give the alert's id from the overview."] });
        }

        var district = grains.GetGrain<IDistrictGrain>(0);
        var alert = (await district.GetOverview()).Alerts.FirstOrDefault(a => a.Id == request.Id);
        if (alert is null || !await district.Acknowledge(request.Id))
        {
            return ApiProblems.NotFound("No such alert is raised now.", "It may have cleared already; the overview lists the alerts raised now.");
        }

        audit.Record(context, alert.SiteId, "alert acknowledged", detail: alert.Id);
        return TypedResults.NoContent();
    }
}
