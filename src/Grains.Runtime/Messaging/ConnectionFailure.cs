namespace Grains.Runtime.Messaging;

internal enum ConnectionFailure
{
    /// <summary>The connection broke or timed out: the silo may be dead, paused, or fine.</summary>
    Lost,

    /// <summary>Nothing listens at the silo's endpoint: proof that the silo's process is gone.</summary>
    Refused,

    /// <summary>Another incarnation answers at the silo's endpoint: proof that the silo we wanted is gone.</summary>
    WrongIncarnation,
}
