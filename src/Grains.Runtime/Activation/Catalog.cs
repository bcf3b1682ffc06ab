using System.Collections.Concurrent;
using Grains.Runtime.Messaging;

namespace Grains.Runtime.Activation;

/// <summary>The activations living on this silo.</summary>
internal sealed class Catalog(ActivationServices services, Lazy<Dispatcher> dispatcher)
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();

    public Dispatcher Dispatcher => dispatcher.Value;

    /// <summary>False once the silo is shutting down: existing activations drain, no new ones start.</summary>
    public bool AcceptingActivations { get; private set; } = true;

    public int Count => _activations.Count;

    public IReadOnlyCollection<ActivationData> Activations => [.. _activations.Values];

    public ActivationData? Find(GrainId grain) => _activations.GetValueOrDefault(grain);

    /// <summary>The grain's activation on this silo, created (and started) if there is none and activations are accepted.</summary>
    public ActivationData? GetOrCreate(GrainId grain, GrainRegistration registration)
    {
        if (_activations.TryGetValue(grain, out var existing))
        {
            return existing;
        }

        if (!AcceptingActivations)
        {
            return null;
        }

        var candidate = new ActivationData(grain, registration, this, services);
        var activation = _activations.GetOrAdd(grain, candidate);
        if (ReferenceEquals(activation, candidate))
        {
            _ = Task.Run(candidate.RunAsync);
        }

        return activation;
    }

    public void Remove(ActivationData activation) =>
        _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation));

    /// <summary>Deactivates everything gracefully: each activation finishes its queued calls, then leaves.</summary>
    public async Task DeactivateAllAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        AcceptingActivations = false;
        while (!_activations.IsEmpty)
        {
            var all = _activations.Values.ToList();
            foreach (var activation in all)
            {
                activation.ScheduleDeactivation(reason);
            }

            await Task.WhenAll(all.Select(a => a.Completion)).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deactivates activations idle for longer than the collection age.</summary>
    public int CollectIdle(TimeSpan age)
    {
        var collected = 0;
        foreach (var activation in _activations.Values)
        {
            if (activation.IdleTime > age && !activation.IsKeptAlive && activation.ScheduleDeactivation(DeactivationReason.IdleCollection))
            {
                collected++;
            }
        }

        return collected;
    }

    /// <summary>Drops every activation without deactivation: the silo crashed or was declared dead.</summary>
    public void KillAll()
    {
        AcceptingActivations = false;
        foreach (var activation in _activations.Values)
        {
            activation.Kill();
        }

        _activations.Clear();
    }
}
