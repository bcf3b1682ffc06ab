using System.Text.Json;
using Grains.Runtime;
using Grains.Shop.Contracts.Carts;
using Grains.Shop.Contracts.Sessions;

namespace Grains.Gateway.Errors;

/// <summary>Maps failures to problems. A grain's exception is matched by its type name, then by its base types' names.</summary>
public static class ProblemCatalog
{
    private static readonly Problem s_unavailable = new(
        StatusCodes.Status503ServiceUnavailable, "Service Unavailable", "No silo can serve this request right now. Retry after the time given in Retry-After.", RetryLater: true);

    private static readonly Problem s_malformed = new(
        StatusCodes.Status400BadRequest, "Bad Request", "The request is malformed: the body must be valid JSON of the documented shape.");

    private static readonly Problem s_unexpected = new(
        StatusCodes.Status500InternalServerError, "Internal Server Error", "An unexpected error occurred. It was logged with the trace id of this response.");

    private static readonly Dictionary<string, Problem> s_grainProblems = new(StringComparer.Ordinal)
    {
        [typeof(UnknownSkuException).FullName!] = new(StatusCodes.Status400BadRequest, "Unknown SKU", "The SKU is not in the product catalog (see GET /api/products)."),
        [typeof(QuantityOutOfRangeException).FullName!] = new(
            StatusCodes.Status400BadRequest, "Quantity out of range", $"An add takes 1 to {CartLimits.MaxQuantity} units, and a line holds at most {CartLimits.MaxQuantity}."),
        [typeof(TooManyLinesException).FullName!] = new(StatusCodes.Status400BadRequest, "Too many lines", $"A cart holds at most {CartLimits.MaxLines} lines."),
        [typeof(CartRuleException).FullName!] = new(StatusCodes.Status400BadRequest, "Bad Request", "The request breaks a rule of the cart."),
        [typeof(EmptyCartException).FullName!] = new(StatusCodes.Status409Conflict, "Empty cart", "An empty cart cannot be checked out."),
        [typeof(IdempotencyKeyReusedException).FullName!] = new(
            StatusCodes.Status422UnprocessableEntity, "Idempotency key reused", "This Idempotency-Key was already used for a different request; use a new key."),
        [typeof(SessionConflictException).FullName!] = s_unavailable,
        [typeof(InconsistentStateException).FullName!] = s_unavailable,
        [typeof(StorageUnavailableException).FullName!] = s_unavailable,
        [typeof(SiloUnavailableException).FullName!] = s_unavailable,
        [typeof(GrainCallTimeoutException).FullName!] = s_unavailable,
        [typeof(ArgumentException).FullName!] = new(StatusCodes.Status400BadRequest, "Bad Request", "The request has an invalid value."),
    };

    public static Problem For(Exception exception) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new(
            StatusCodes.Status413PayloadTooLarge, "Payload Too Large", "The request body is larger than the gateway accepts (16 KB by default)."),
        BadHttpRequestException bad when bad.StatusCode is >= 400 and < 500 and not StatusCodes.Status400BadRequest => new(bad.StatusCode, "Bad Request", "The request was refused."),
        BadHttpRequestException or JsonException => s_malformed,
        SiloUnavailableException or GrainCallTimeoutException => s_unavailable,
        GrainException grain => grain.ExceptionTypes.Select(t => s_grainProblems.GetValueOrDefault(t)).FirstOrDefault(p => p is not null) ?? s_unexpected,
        _ => s_unexpected,
    };
}
