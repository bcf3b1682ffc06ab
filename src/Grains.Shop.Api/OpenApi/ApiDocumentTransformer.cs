using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Grains.Shop.Api.OpenApi;

/// <summary>
/// What the document says as a whole: the API's description and licence, the tags, the bearer scheme, and no
/// <c>servers</c> entry of the machine that served it (a relative <c>/</c>, the same as none: the gateway that served it).
/// </summary>
public sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    private const string Description = """
        The HTTP API of the Grains shop: sessions, a product catalog, a cart per user, checkout and orders. Each user's
        cart lives in the memory of one silo of an Orleans cluster and is written through to Redis before any change
        is answered, so an answered change is never lost, even when a silo crashes.

        Start a session with `POST /api/sessions` and send its token as `Authorization: Bearer <token>`. Cart, orders
        and session routes always act for the token's user; no route names a user.

        Every error is `application/problem+json` (RFC 9457) with a fixed text; the `title` tells problems of the same
        status apart. A 503 or 429 carries `Retry-After`. A change sent with an `Idempotency-Key` is applied at most once,
        so it is safe to send again after a timeout or a 503.
        """;

    private static readonly (string Name, string Description)[] s_tags =
    [
        ("Sessions", "Sign in and out: a session and its bearer token."),
        ("Products", "The product catalog."),
        ("Cart", "The token's user's cart and its checkout."),
        ("Orders", "The token's user's orders."),
    ];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "Grains shop API",
            Version = "v1",
            Description = Description.ReplaceLineEndings("\n"),
            Contact = new OpenApiContact { Name = "Grains maintainers" },
            License = new OpenApiLicense { Name = "MIT", Url = new Uri("https://opensource.org/license/mit") },
        };
        document.Servers = [new OpenApiServer { Url = "/", Description = "The gateway that served this document." }];
        document.Tags = s_tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }).ToHashSet();
        SharedComponents.Ensure(document);
        return Task.CompletedTask;
    }
}
