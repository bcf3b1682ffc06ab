using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Grains.Shop.Placement;
using Orleans.Metadata;

namespace Grains.Silo.Placement;

/// <summary>
/// The activations in this silo of grains placed by user (<see cref="UserPlacement"/>), so that
/// <see cref="LocalityKeeper"/> can move those whose user now belongs to another silo. Each such activation adds itself
/// when it activates and removes itself when it deactivates, through a step of its own lifecycle: Orleans calls
/// <see cref="TryGetConfigurator"/> once per grain type, and the configurator for every new activation of the type.
/// </summary>
public sealed class UserGrainActivations : IConfigureGrainContextProvider
{
    private readonly ConcurrentDictionary<GrainId, IGrainContext> _activations = new();
    private readonly Configurator _configurator;

    public UserGrainActivations() => _configurator = new Configurator(this);

    /// <summary>How many there are now.</summary>
    public int Count => _activations.Count;

    /// <summary>A snapshot of them.</summary>
    public IReadOnlyList<IGrainContext> Snapshot() => [.. _activations.Values];

    public bool TryGetConfigurator(GrainType grainType, GrainProperties properties, [NotNullWhen(true)] out IConfigureGrainContext? configurator)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var placed = properties.Properties.TryGetValue(WellKnownGrainTypeProperties.PlacementStrategy, out var strategy)
            && string.Equals(strategy, nameof(UserPlacement), StringComparison.Ordinal);
        configurator = placed ? _configurator : null;
        return placed;
    }

    private sealed class Configurator(UserGrainActivations activations) : IConfigureGrainContext
    {
        public void Configure(IGrainContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            context.ObservableLifecycle.Subscribe(
                nameof(UserGrainActivations),
                GrainLifecycleStage.Activate,
                _ =>
                {
                    activations._activations[context.GrainId] = context;
                    return Task.CompletedTask;
                },
                _ =>
                {
                    activations._activations.TryRemove(new KeyValuePair<GrainId, IGrainContext>(context.GrainId, context));
                    return Task.CompletedTask;
                });
        }
    }
}
