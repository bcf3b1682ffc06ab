namespace Grains.Shop.Contracts.Serving;

/// <summary>
/// The silo does not hold its lease (it cannot prove it is still a member, e.g. after a pause or while Redis is out of
/// reach), so it refused to serve. When <see cref="OutcomeUnknown"/> is false the call never ran and may be sent again
/// as it is; when true the call ran but its lease ran out before it could answer, so its effects may or may not stand.
/// </summary>
[GenerateSerializer, Alias("grains.SiloLeaseExpiredException")]
public sealed class SiloLeaseExpiredException : Exception
{
    public SiloLeaseExpiredException()
    {
    }

    public SiloLeaseExpiredException(string message)
        : base(message)
    {
    }

    public SiloLeaseExpiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SiloLeaseExpiredException(string message, bool outcomeUnknown)
        : base(message) => OutcomeUnknown = outcomeUnknown;

    [Id(0)]
    public bool OutcomeUnknown { get; private set; }
}
