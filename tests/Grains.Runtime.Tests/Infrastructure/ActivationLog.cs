using System.Collections.Concurrent;
using Grains.Runtime.Activation;

namespace Grains.Runtime.Tests.Infrastructure;

/// <summary>Every activation start and end of every silo in the test, to check that no grain ever had two at once.</summary>
public sealed class ActivationLog
{
    private readonly ConcurrentQueue<ActivationEvent> _events = new();

    public void Record(ActivationEvent activationEvent) => _events.Enqueue(activationEvent);

    public IReadOnlyList<ActivationEvent> Events => [.. _events.OrderBy(e => e.Timestamp)];

    /// <summary>Descriptions of every moment at which a grain had two live activations; empty when there was none.</summary>
    public IReadOnlyList<string> FindOverlaps()
    {
        var overlaps = new List<string>();
        foreach (var grain in Events.GroupBy(e => e.Grain))
        {
            var live = new Dictionary<string, ActivationEvent>(StringComparer.Ordinal);
            foreach (var e in grain)
            {
                if (e.Kind == ActivationEventKind.Activated)
                {
                    if (live.Count > 0)
                    {
                        overlaps.Add($"{grain.Key}: activated on {e.Silo} while live on {string.Join(", ", live.Values.Select(v => v.Silo))}");
                    }

                    live[e.ActivationId] = e;
                }
                else
                {
                    live.Remove(e.ActivationId);
                }
            }
        }

        return overlaps;
    }
}
