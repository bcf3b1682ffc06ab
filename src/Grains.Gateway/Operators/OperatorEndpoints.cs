using Microsoft.Extensions.Options;
using Orleans.Dashboard;

namespace Grains.Gateway.Operators;

public static class OperatorEndpoints
{
    /// <summary>The Orleans dashboard's route that reads a grain's state by calling it.</summary>
    public const string GrainStateRoute = "/dashboard/GrainState";

    /// <summary>
    /// Maps the operator tools behind the operator's Basic credentials, when the operator key is set. Without the key
    /// nothing is mapped, so every operator route answers 404 as any unknown path does.
    /// </summary>
    public static IEndpointRouteBuilder MapOperatorTools(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ServiceProvider.GetRequiredService<IOptions<OperatorOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }

        if (options.OrleansDashboard)
        {
            // Its requests also tell the silos that someone watches: only then do they feed its counters.
            var watchers = app.ServiceProvider.GetRequiredService<DashboardWatchers>();
            app.MapOrleansDashboard("/dashboard")
                .ExcludeFromDescription()
                .RequireAuthorization(OperatorServiceCollectionExtensions.PolicyName)
                .AddEndpointFilter((context, next) =>
                {
                    if (SiloAddressRoute.Check(context.HttpContext) is { } problem)
                    {
                        return ValueTask.FromResult<object?>(problem);
                    }

                    watchers.Watched();
                    return next(context);
                });

            // The dashboard's grain-state route calls a grain's parameterless methods and shows what they return: cart
            // contents, and a call can slide a session. The operator tools are read-only, ids and counts only, so this
            // route, mapped ahead of the dashboard's own, answers 404.
            app.MapMethods(GrainStateRoute, [HttpMethods.Get, HttpMethods.Post], () => TypedResults.NotFound())
                .WithOrder(-1)
                .ExcludeFromDescription()
                .RequireAuthorization(OperatorServiceCollectionExtensions.PolicyName);
        }

        app.MapPlacementPage();
        app.MapClusterApi();
        app.MapPrometheusScrapingEndpoint("/metrics").ExcludeFromDescription().RequireAuthorization(OperatorServiceCollectionExtensions.PolicyName);
        return app;
    }
}
