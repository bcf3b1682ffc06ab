using Microsoft.Extensions.Logging;

namespace Grains.Silo.Fencing;

public sealed partial class SiloLeaseRenewer
{
    [LoggerMessage(1, LogLevel.Warning, "Could not renew the silo's lease ({Reason}); once it runs out the silo refuses grain calls until a renewal succeeds.")]
    private static partial void LogRenewalFailed(ILogger logger, string reason, Exception? exception);

    [LoggerMessage(2, LogLevel.Warning, "The silo's lease had run out and holds again; it serves grain calls.")]
    private static partial void LogRegained(ILogger logger);
}
