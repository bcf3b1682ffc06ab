using Grains.Shop.Contracts.Serving;

namespace Grains.Shop.Tests;

/// <summary>
/// A test's fault in the silo: every call into a grain of type <see cref="Down"/> (<c>orders</c>, <c>orderpage</c>)
/// fails as it does when that grain's store is down, before the grain runs. Calls to other grains go through.
/// </summary>
public sealed class GrainOutage : IIncomingGrainCallFilter
{
    private volatile string? _down;

    /// <summary>The grain type whose calls fail; null for none.</summary>
    public string? Down
    {
        get => _down;
        set => _down = value;
    }

    public Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _down is { } down && string.Equals(context.TargetId.Type.ToString(), down, StringComparison.Ordinal)
            ? throw new StorageUnavailableException("The grain's store is down (a test's fault).")
            : context.Invoke();
    }
}
