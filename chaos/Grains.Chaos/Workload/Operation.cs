namespace Grains.Chaos.Workload;

/// <summary>
/// One client operation of the history: its invocation and its completion, with times in Unix milliseconds on this
/// machine's clock (the clock the Redis server stamps the activation journal with, on loopback).
/// </summary>
/// <param name="Status">The HTTP status, or 0 when no answer came.</param>
/// <param name="Silo">The <c>X-Silo</c> header: the silo whose grain produced the answer.</param>
/// <param name="CartVersion">For an acknowledged add or read: the cart version in the answer.</param>
/// <param name="Order">For an acknowledged checkout: the order in the answer.</param>
public sealed record Operation(
    long Id,
    string User,
    OperationKind Kind,
    long InvokedAt,
    long CompletedAt,
    Outcome Outcome,
    int Status,
    string? Sku = null,
    int Quantity = 0,
    string? IdempotencyKey = null,
    string? Gateway = null,
    string? Silo = null,
    long? CartVersion = null,
    OrderView? Order = null,
    string? Error = null);
