namespace Grains.Gateway.Operators;

/// <summary>Log messages of the operator tools' static endpoint handlers.</summary>
internal static partial class OperatorLog
{
    [LoggerMessage(1, LogLevel.Debug, "A frame of the placement view was skipped: {Failure}.")]
    public static partial void FrameSkipped(ILogger logger, string failure);
}
