using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Grains.Shop.Api.OpenApi;

/// <summary>
/// Declares the problem responses an endpoint can give, next to the code that gives them, so that the OpenAPI document
/// lists them with the ProblemDetails schema.
/// </summary>
public static class ProblemResponses
{
    public const string ContentType = "application/problem+json";

    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statusCodes)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(statusCodes);
        foreach (var status in statusCodes)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), [ContentType]));
        }

        return builder;
    }
}
