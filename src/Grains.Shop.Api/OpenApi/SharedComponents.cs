using Grains.Shop.Api.GrainCalls;
using Microsoft.OpenApi;

namespace Grains.Shop.Api.OpenApi;

/// <summary>The components operations refer to: the bearer scheme and the response headers they share.</summary>
public static class SharedComponents
{
    public const string BearerScheme = "bearer";

    public const string RetryAfterHeader = "Retry-After";

    public const string SiloHeader = GrainCallFilter.SiloHeader;

    /// <summary>Adds the components to <paramref name="document"/> unless it has them already.</summary>
    public static void Ensure(OpenApiDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes.TryAdd(BearerScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "session token",
            Description = "The `token` of `POST /api/sessions`. It is valid while its session is: until it is revoked, or has been idle for `Sessions:IdleTimeout` (30 minutes by default). Every gateway of the shop accepts it.",
        });

        document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
        document.Components.Headers.TryAdd(RetryAfterHeader, new OpenApiHeader
        {
            Description = "Seconds to wait before sending the request again.",
            Required = true,
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1" },
        });
        document.Components.Headers.TryAdd(SiloHeader, new OpenApiHeader
        {
            Description = "The name of the silo that served the request's grain (for example `silo-2`), when a grain answered. It is for operators, to see where a user's state lives and that it moved after a failure; clients should not depend on it.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }
}
