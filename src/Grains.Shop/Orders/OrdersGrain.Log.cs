using Microsoft.Extensions.Logging;

namespace Grains.Shop.Orders;

public sealed partial class OrdersGrain
{
    [LoggerMessage(1, LogLevel.Information, "Moved the {Count} orders of user {UserId}, stored as one record, into pages.")]
    private static partial void LogMovedIntoPages(ILogger logger, string userId, int count);
}
