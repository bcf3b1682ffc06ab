using System.Collections.Concurrent;
using System.Reflection;

namespace Grains.Runtime.Invocation;

/// <summary>What the runtime knows about one grain interface: its grain type name and its methods.</summary>
internal sealed class GrainInterface
{
    private static readonly ConcurrentDictionary<Type, GrainInterface> s_cache = new();

    private GrainInterface(Type interfaceType)
    {
        if (!interfaceType.IsInterface || !typeof(IGrainWithStringKey).IsAssignableFrom(interfaceType))
        {
            throw new ArgumentException($"{interfaceType.Name} is not a grain interface (an interface extending IGrainWithStringKey).", nameof(interfaceType));
        }

        InterfaceType = interfaceType;
        GrainType = interfaceType.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? interfaceType.Name;
        var methods = new Dictionary<string, GrainMethod>(StringComparer.Ordinal);
        foreach (var type in interfaceType.GetInterfaces().Prepend(interfaceType))
        {
            foreach (var method in type.GetMethods())
            {
                if (!methods.TryAdd(method.Name, new GrainMethod(method)))
                {
                    throw new NotSupportedException($"Grain interface {interfaceType.Name} has two methods named {method.Name}; grain methods cannot be overloaded.");
                }
            }
        }

        Methods = methods;
        ByMethodInfo = methods.Values.ToDictionary(m => m.Method);
    }

    public Type InterfaceType { get; }

    public string GrainType { get; }

    public IReadOnlyDictionary<string, GrainMethod> Methods { get; }

    public IReadOnlyDictionary<MethodInfo, GrainMethod> ByMethodInfo { get; }

    public static GrainInterface For(Type interfaceType) => s_cache.GetOrAdd(interfaceType, static t => new GrainInterface(t));
}
