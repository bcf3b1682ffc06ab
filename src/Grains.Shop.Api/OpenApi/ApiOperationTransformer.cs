using Grains.Shop.Api.GrainCalls;
using Grains.Shop.Contracts.Carts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Grains.Shop.Api.OpenApi;

/// <summary>
/// Completes each operation from its endpoint's metadata: the bearer requirement where a session is required, what
/// each error status means, <c>Retry-After</c> where it is sent, <c>X-Silo</c> where a grain answers, and what an
/// <c>Idempotency-Key</c> guarantees.
/// </summary>
public sealed class ApiOperationTransformer : IOpenApiOperationTransformer
{
    private const string IdempotencyKeyDescription =
        "Makes the request safe to send again. The cart applies a request with a given key at most once: a repeat " +
        "with the same key changes nothing and returns the same order, or for an add the cart it first produced (the " +
        "cart as it is now once a newer key was used), and the same key with a different request gets 422. Keys belong " +
        "to the user, are 1 to 128 visible ASCII characters, and are remembered for 24 hours (by default; " +
        "`Cart:IdempotencyKeyRetention`), or until 32 newer keys of the same user push them out (`Cart:IdempotencyKeyLimit`). " +
        "Without a key, a request whose answer was lost may or may not have been applied.";

    /// <summary>What each status means on any route that gives it; the texts are those of the gateway's problems.</summary>
    private static readonly Dictionary<string, string> s_statusTexts = new(StringComparer.Ordinal)
    {
        ["400"] = "The request is malformed (not JSON of the documented shape, a missing field, a bad `Idempotency-Key`, a `limit` out of range, a `cursor` not given to this user) or breaks a rule: an unknown SKU, a quantity out of range, too many lines. Nothing was changed.",
        ["401"] = "No valid session token: the `Authorization` header is missing, or its token is forged, expired or revoked. Start a session with `POST /api/sessions`.",
        ["409"] = "The cart is empty, so there is nothing to check out.",
        ["413"] = "The request body is larger than the gateway accepts (`Gateway:MaxRequestBodyBytes`, 16 KB by default).",
        ["415"] = "The body is not sent as `application/json`.",
        ["422"] = "This `Idempotency-Key` was already used for a different request. Nothing was changed; use a new key.",
        ["429"] = "Too many requests: from this session on a route that needs a token; from this client address, or from all clients together, on one that does not; for a checkout, also too many checkouts by this user in a short time (title `Too many checkouts`, `Cart:CheckoutLimit`). Nothing was done; send it again after `Retry-After`.",
        ["500"] = "An unexpected error, logged with the trace id of the response. The request may or may not have been applied.",
        ["503"] = "No silo could serve the request within the gateway's retry budget (a failover, a store outage, or no cluster yet), or, for a checkout, earlier orders are not recorded yet (title `Orders not yet recorded`: nothing was changed). A change without an `Idempotency-Key` may or may not have been applied; send it again after `Retry-After`, with the same key if it had one.",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var document = context.Document ?? throw new InvalidOperationException("The operation is transformed outside a document.");
        SharedComponents.Ensure(document);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SharedComponents.BearerScheme, document)] = [] }];
        }

        // Listed by status, whichever convention declared them first (a route group's run before the route's own).
        if (operation.Responses is { } declared)
        {
            var sorted = new OpenApiResponses();
            foreach (var (status, response) in declared.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                sorted.Add(status, response);
            }

            operation.Responses = sorted;
        }

        var callsGrains = metadata.OfType<GrainCallsMetadata>().Any();
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            if (s_statusTexts.TryGetValue(status, out var text))
            {
                concrete.Description = text;
            }

            if (status is "429" or "503")
            {
                AddHeader(concrete, SharedComponents.RetryAfterHeader, document);
            }

            // Answers made before any grain call (the token check, the rate limit, the body checks) name no silo.
            if (callsGrains && status is not ("401" or "413" or "415" or "429"))
            {
                AddHeader(concrete, SharedComponents.SiloHeader, document);
            }
        }

        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is OpenApiParameter { In: ParameterLocation.Header } header
                && string.Equals(header.Name, IdempotencyKeyHeader.Name, StringComparison.OrdinalIgnoreCase))
            {
                header.Description = IdempotencyKeyDescription;
                header.Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    MinLength = 1,
                    MaxLength = CartLimits.MaxIdempotencyKeyLength,
                    Pattern = "^[!-~]+$",
                };
            }
        }

        return Task.CompletedTask;
    }

    private static void AddHeader(OpenApiResponse response, string name, OpenApiDocument document)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
        response.Headers[name] = new OpenApiHeaderReference(name, document);
    }
}
