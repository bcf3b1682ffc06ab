using Microsoft.Extensions.Options;
using Orleans.Dashboard;

namespace Grains.Gateway.Operators;

public static class OperatorEndpoints
{
    /// <summary>
    /// Maps the operator tools behind the operator's Basic credentials, when the operator key is set. Without the key
    /// nothing is mapped, so every operator route answers 404 as any unknown path does.
    /// </summary>
    public static IEndpointRouteBuilder MapOperatorTools(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.ServiceProvider.GetRequiredService<IOptions<OperatorOptions>>().Value.Enabled)
        {
            return app;
        }

        app.MapOrleansDashboard("/dashboard").RequireAuthorization(OperatorServiceCollectionExtensions.PolicyName);
        app.MapPlacementPage();
        app.MapClusterApi();
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(OperatorServiceCollectionExtensions.PolicyName);
        return app;
    }
}
