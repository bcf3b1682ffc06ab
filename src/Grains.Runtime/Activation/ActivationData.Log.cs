using Microsoft.Extensions.Logging;

namespace Grains.Runtime.Activation;

internal sealed partial class ActivationData
{
    [LoggerMessage(1, LogLevel.Error, "The activation loop of {Grain} failed.")]
    private static partial void LogActivationLoopFailed(ILogger logger, Exception exception, string grain);

    [LoggerMessage(2, LogLevel.Warning, "Registering {Grain} in the grain directory failed; its calls are re-routed.")]
    private static partial void LogRegistrationFailed(ILogger logger, Exception exception, string grain);

    [LoggerMessage(3, LogLevel.Error, "Activating {Grain} failed.")]
    private static partial void LogActivateFailed(ILogger logger, Exception exception, string grain);

    [LoggerMessage(4, LogLevel.Warning, "{Grain} hit inconsistent state; it is deactivated and will reload.")]
    private static partial void LogInconsistentState(ILogger logger, string grain);

    [LoggerMessage(5, LogLevel.Warning, "OnDeactivateAsync of {Grain} failed.")]
    private static partial void LogDeactivateFailed(ILogger logger, Exception exception, string grain);

    [LoggerMessage(6, LogLevel.Debug, "Deactivated {Grain} ({Reason}).")]
    private static partial void LogDeactivated(ILogger logger, string grain, DeactivationReason reason);

    [LoggerMessage(7, LogLevel.Warning, "Unregistering {Grain} from the grain directory failed.")]
    private static partial void LogUnregisterFailed(ILogger logger, Exception exception, string grain);

    [LoggerMessage(8, LogLevel.Warning, "Journaling the end of {Grain}'s activation failed.")]
    private static partial void LogJournalFailed(ILogger logger, Exception exception, string grain);
}
