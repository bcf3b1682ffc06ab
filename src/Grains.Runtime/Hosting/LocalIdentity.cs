using Grains.Runtime.Membership;

namespace Grains.Runtime.Hosting;

/// <summary>Who this process is: a silo (once it has bound its endpoint) or a client.</summary>
internal sealed class LocalIdentity
{
    private SiloAddress? _silo;

    public LocalIdentity(bool isSilo)
    {
        IsSilo = isSilo;
        Id = isSilo ? string.Empty : $"client:{Guid.NewGuid():N}";
    }

    public bool IsSilo { get; }

    /// <summary>The silo's address; null for clients and for a silo that has not started listening yet.</summary>
    public SiloAddress? Silo => _silo;

    public string Name { get; private set; } = "client";

    public string Id { get; private set; }

    public void SetSilo(SiloAddress silo, string name)
    {
        _silo = silo;
        Name = name;
        Id = silo.Id;
    }
}
