namespace Grains.Runtime.Messaging;

internal enum ResponseStatus : byte
{
    /// <summary>The grain ran the call; the body is the JSON result.</summary>
    Ok = 0,

    /// <summary>The grain ran the call and it threw; the body is a <see cref="WireError"/>.</summary>
    Error = 1,

    /// <summary>The call was not run and may be sent again, to another silo if need be; the body names the reason.</summary>
    Rejected = 2,

    /// <summary>The call's deadline passed before it ran; it was dropped.</summary>
    Expired = 3,

    /// <summary>The call ran, but the silo lost its lease before answering, so its result cannot be vouched for.</summary>
    Unknown = 4,
}
