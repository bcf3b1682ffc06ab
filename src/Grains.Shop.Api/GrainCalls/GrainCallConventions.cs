using Grains.Shop.Api.OpenApi;

namespace Grains.Shop.Api.GrainCalls;

public static class GrainCallConventions
{
    /// <summary>
    /// The endpoints call grains through <see cref="GrainCallFilter"/>: retried when harmless, answered with
    /// <c>X-Silo</c>, and with 503 when no silo could serve within the retry budget.
    /// </summary>
    public static TBuilder CallsGrains<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, GrainCallFilter>()
            .WithMetadata(GrainCallsMetadata.Instance)
            .ProducesProblems(StatusCodes.Status500InternalServerError, StatusCodes.Status503ServiceUnavailable);
}
