namespace Grains.Chaos.Workload;

/// <summary>How an operation ended, in the manner of Jepsen histories.</summary>
public enum Outcome
{
    /// <summary>Acknowledged: the gateway answered 2xx, so the operation took effect.</summary>
    Ok,

    /// <summary>Certainly did not take effect: a 4xx answer, or no gateway accepted the connection.</summary>
    Fail,

    /// <summary>Unknown: a 5xx answer, a timeout or a connection lost mid-request. It may or may not have taken effect.</summary>
    Info,
}
