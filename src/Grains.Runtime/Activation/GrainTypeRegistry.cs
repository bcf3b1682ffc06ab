using System.Reflection;
using Grains.Runtime.Invocation;

namespace Grains.Runtime.Activation;

/// <summary>The grain types of the assemblies registered with <c>AddGrains</c>, by grain type name.</summary>
internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<string, GrainRegistration> _byType = new(StringComparer.Ordinal);

    public GrainTypeRegistry(IEnumerable<GrainAssembly> assemblies)
    {
        foreach (var assembly in assemblies.Select(a => a.Assembly).Distinct())
        {
            foreach (var type in assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && typeof(Grain).IsAssignableFrom(t)))
            {
                var reentrant = type.GetCustomAttribute<ReentrantAttribute>() is not null;
                var contracts = type.GetInterfaces().Where(i => i != typeof(IGrainWithStringKey) && typeof(IGrainWithStringKey).IsAssignableFrom(i)).ToList();

                // Only the most derived grain interfaces name the class's grain types; their bases are shared vocabulary.
                foreach (var contract in contracts.Where(c => !contracts.Any(other => other != c && c.IsAssignableFrom(other))))
                {
                    var grainInterface = GrainInterface.For(contract);
                    if (_byType.TryGetValue(grainInterface.GrainType, out var existing) && existing.GrainClass != type)
                    {
                        throw new InvalidOperationException(
                            $"Grain type '{grainInterface.GrainType}' is implemented by both {existing.GrainClass.Name} and {type.Name}.");
                    }

                    _byType[grainInterface.GrainType] = new GrainRegistration(grainInterface, type, reentrant);
                }
            }
        }
    }

    public IReadOnlyCollection<string> GrainTypes => _byType.Keys;

    public GrainRegistration? Find(string grainType) => _byType.GetValueOrDefault(grainType);
}
