using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Grains.Shop.Api.OpenApi;

/// <summary>
/// Numbers are documented as JSON numbers only. The web JSON defaults also read numbers written as strings, so the
/// generated schema allows <c>integer | string</c>, which client generators turn into awkward union types; the
/// gateway writes numbers as numbers, and that is the contract. Amounts of money (decimal) are marked as such, so that
/// generators give them a decimal type rather than a binary floating point one.
/// </summary>
public sealed class NumberSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (schema.Type is { } type
            && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number))
            && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        if (context.JsonTypeInfo.Type == typeof(decimal))
        {
            schema.Format = "decimal";
        }

        return Task.CompletedTask;
    }
}
