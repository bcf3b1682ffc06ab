namespace Grains.Runtime.Messaging;

/// <summary>A request waiting for its response; it is its own completion source, one object per call rather than two.</summary>
internal sealed class PendingCall(long deadline) : TaskCompletionSource<Message>(TaskCreationOptions.RunContinuationsAsynchronously)
{
    /// <summary>When the caller stops waiting, in <see cref="Environment.TickCount64"/> milliseconds.</summary>
    public long Deadline { get; } = deadline;

    /// <summary>Set once the request was handed to the transport; from then on its outcome is unknown if the connection breaks.</summary>
    public bool Written { get; set; }
}
