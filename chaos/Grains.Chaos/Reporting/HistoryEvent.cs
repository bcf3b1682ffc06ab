using Grains.Chaos.Workload;

namespace Grains.Chaos.Reporting;

/// <summary>
/// One line of the history file, as Jepsen writes histories: an <c>invoke</c> event, then the operation's
/// <c>ok</c>, <c>fail</c> or <c>info</c> event with what the answer said.
/// </summary>
public sealed record HistoryEvent(
    string Type,
    long Time,
    string User,
    OperationKind F,
    long Operation,
    string? Sku = null,
    int? Quantity = null,
    string? Key = null,
    int? Status = null,
    string? Gateway = null,
    string? Silo = null,
    long? Version = null,
    string? OrderId = null,
    string? Error = null)
{
    public static IEnumerable<HistoryEvent> Of(Operation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var quantity = operation.Kind == OperationKind.Add ? operation.Quantity : (int?)null;
        yield return new HistoryEvent("invoke", operation.InvokedAt, operation.User, operation.Kind, operation.Id, operation.Sku, quantity, operation.IdempotencyKey);
        yield return new HistoryEvent(
            operation.Outcome.ToString().ToLowerInvariant(), operation.CompletedAt, operation.User, operation.Kind, operation.Id,
            Status: operation.Status == 0 ? null : operation.Status, Gateway: operation.Gateway, Silo: operation.Silo,
            Version: operation.CartVersion, OrderId: operation.Order?.OrderId, Error: operation.Error);
    }
}
