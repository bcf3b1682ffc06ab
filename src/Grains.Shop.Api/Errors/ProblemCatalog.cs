using Grains.Hosting.Http;
using System.Text.Json;
using Grains.Shop.Api.GrainCalls;
using Grains.Shop.Contracts.Carts;
using Grains.Shop.Contracts.Sessions;

namespace Grains.Shop.Api.Errors;

/// <summary>
/// Maps failures to problems. Orleans delivers a grain's exception as its own type, so a grain's refusal maps by type;
/// failures of the cluster map by what is known of their effect (<see cref="GrainCallFailures"/>).
/// </summary>
public static class ProblemCatalog
{
    private static readonly Problem s_unavailable = new(
        StatusCodes.Status503ServiceUnavailable, "Service Unavailable", "No silo can serve this request right now. Retry after the time given in Retry-After.", RetryLater: true);

    private static readonly Problem s_malformed = new(
        StatusCodes.Status400BadRequest, "Bad Request", "The request is malformed: the body must be valid JSON of the documented shape, and query parameters of their documented types.");

    private static readonly Problem s_unexpected = new(
        StatusCodes.Status500InternalServerError, "Internal Server Error", "An unexpected error occurred. It was logged with the trace id of this response.");

    private static readonly Problem s_unknownSku = new(
        StatusCodes.Status400BadRequest, "Unknown SKU", "The SKU is not in the product catalog (see GET /api/products).");

    private static readonly Problem s_quantity = new(
        StatusCodes.Status400BadRequest, "Quantity out of range", $"An add takes 1 to {CartLimits.MaxQuantity} units, and a line holds at most {CartLimits.MaxQuantity}.");

    private static readonly Problem s_tooManyLines = new(
        StatusCodes.Status400BadRequest, "Too many lines", $"A cart holds at most {CartLimits.MaxLines} lines.");

    private static readonly Problem s_cartRule = new(StatusCodes.Status400BadRequest, "Bad Request", "The request breaks a rule of the cart.");

    private static readonly Problem s_emptyCart = new(StatusCodes.Status409Conflict, "Empty cart", "An empty cart cannot be checked out.");

    private static readonly Problem s_pendingOrders = new(
        StatusCodes.Status503ServiceUnavailable, "Orders not yet recorded", "Earlier orders of this user are not recorded yet, so checkout waits for them. Nothing was changed: check out again after the time given in Retry-After.", RetryLater: true);

    private static readonly Problem s_tooManyCheckouts = new(
        StatusCodes.Status429TooManyRequests, "Too many checkouts", "This user checked out as many times as the shop allows in a short time. Nothing was changed: check out again after the time given in Retry-After.");

    private static readonly Problem s_stale = new(
        StatusCodes.Status503ServiceUnavailable, "Service Unavailable", "The request took so long to reach the cart that the cart no longer remembers the keys of requests as old as it: it may or may not have taken effect. Read the cart or the orders, then send it again with a new Idempotency-Key if need be.", RetryLater: true);

    private static readonly Problem s_keyReused = new(
        StatusCodes.Status422UnprocessableEntity, "Idempotency key reused", "This Idempotency-Key was already used for a different request; use a new key.");

    private static readonly Problem s_tooLarge = new(
        StatusCodes.Status413PayloadTooLarge, "Payload Too Large", "The request body is larger than the gateway accepts (16 KB by default).");

    public static Problem For(Exception exception) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => s_tooLarge,
        BadHttpRequestException bad when bad.StatusCode is >= 400 and < 500 and not StatusCodes.Status400BadRequest => new(bad.StatusCode, "Bad Request", "The request was refused."),
        BadHttpRequestException or JsonException => s_malformed,
        UnknownSkuException => s_unknownSku,
        QuantityOutOfRangeException => s_quantity,
        TooManyLinesException => s_tooManyLines,
        CartRuleException => s_cartRule,
        EmptyCartException => s_emptyCart,
        PendingOrdersFullException => s_pendingOrders,
        CheckoutLimitException => s_tooManyCheckouts,
        IdempotencyKeyReusedException => s_keyReused,
        StaleRequestException => s_stale,

        // A fresh random session id met an existing one: vanishingly rare, and a retry picks another id.
        SessionConflictException => s_unavailable,
        _ when GrainCallFailures.Classify(exception) != GrainCallFailure.Final => s_unavailable,
        _ => s_unexpected,
    };
}
