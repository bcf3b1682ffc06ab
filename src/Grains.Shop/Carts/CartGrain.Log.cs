using Microsoft.Extensions.Logging;

namespace Grains.Shop.Carts;

public sealed partial class CartGrain
{
    [LoggerMessage(1, LogLevel.Debug, "Did not apply '{Request}' again for user {UserId}: its idempotency key is remembered.")]
    private static partial void LogReplayed(ILogger logger, string userId, string request);

    [LoggerMessage(2, LogLevel.Information, "User {UserId} checked out order {OrderId} with {LineCount} lines.")]
    private static partial void LogCheckedOut(ILogger logger, string userId, string orderId, int lineCount);

    [LoggerMessage(3, LogLevel.Warning, "Could not hand {Count} pending orders of user {UserId} to the orders grain; they stay pending.")]
    private static partial void LogDeliveryFailed(ILogger logger, string userId, int count, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "Refused a checkout of user {UserId}: {Count} orders still wait for the orders grain.")]
    private static partial void LogPendingOrdersFull(ILogger logger, string userId, int count);

    [LoggerMessage(5, LogLevel.Warning, "Refused '{Request}' of user {UserId}: received before keys the cart has forgotten, it may be a late copy of one of them.")]
    private static partial void LogStale(ILogger logger, string userId, string request);

    // Debug: a client that keeps checking out would otherwise fill the log with it.
    [LoggerMessage(6, LogLevel.Debug, "Refused a checkout of user {UserId}: {Count} checkouts within the limit's window.")]
    private static partial void LogCheckoutLimited(ILogger logger, string userId, int count);
}
