using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Grains.Gateway.OpenApi;

/// <summary>
/// Numbers are documented as JSON numbers only. The web JSON defaults also read numbers written as strings, so the
/// generated schema allows <c>integer | string</c>, which client generators turn into awkward union types; the
/// gateway writes numbers as numbers, and that is the contract.
/// </summary>
public sealed class NumberSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.Type is { } type
            && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number))
            && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        return Task.CompletedTask;
    }
}
