using Grains.Runtime.Activation;
using Grains.Runtime.Membership;

namespace Grains.Runtime.Hosting;

/// <summary>
/// This process's silo, for hosts, tests and the dashboard: its address once started, its activations, its
/// activation events, and a way to crash it in place.
/// </summary>
public sealed class LocalSilo
{
    private readonly LocalIdentity _identity;
    private readonly Catalog _catalog;
    private readonly ActivationEventSink _events;
    private readonly SiloLifecycle _lifecycle;

    internal LocalSilo(LocalIdentity identity, Catalog catalog, ActivationEventSink events, SiloLifecycle lifecycle)
    {
        _identity = identity;
        _catalog = catalog;
        _events = events;
        _lifecycle = lifecycle;
    }

    /// <summary>Activations starting and ending on this silo.</summary>
    public event Action<ActivationEvent>? ActivationChanged
    {
        add => _events.Published += value;
        remove => _events.Published -= value;
    }

    /// <summary>The silo's address; null until the silo has started.</summary>
    public SiloAddress? Address => _identity.Silo;

    public string Name => _identity.Name;

    /// <summary>True once the cluster declared this silo dead; a host should exit with a failure code.</summary>
    public bool IsDeclaredDead => _lifecycle.IsDeclaredDead;

    /// <summary>Completes when the silo has joined the cluster and serves.</summary>
    public Task Started => _lifecycle.Started;

    /// <summary>The grains that have a live activation here.</summary>
    public IReadOnlyList<GrainId> ActiveGrains =>
        [.. _catalog.Activations.Where(a => a.State is ActivationState.Valid).Select(a => a.GrainId)];

    public int ActivationCount => _catalog.Count;

    /// <summary>
    /// Crashes the silo in place: no more heartbeats, every connection dropped, activations lost without
    /// deactivation. Stop the host afterwards to close the listener, as the death of a process would.
    /// </summary>
    public Task KillAsync() => _lifecycle.KillAsync();
}
