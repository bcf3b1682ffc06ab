using System.Reflection;
using Grains.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Runtime.Activation;

/// <summary>Creates grain instances: constructor services from DI, <see cref="PersistentStateAttribute"/> parameters from storage.</summary>
internal sealed class GrainActivator(IServiceProvider services)
{
    public Grain Create(ActivationData activation, Type grainClass, List<IPersistentStateLoader> states)
    {
        var constructor = grainClass.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"Grain class {grainClass.Name} has no public constructor.");
        var extra = new List<object>();
        foreach (var parameter in constructor.GetParameters())
        {
            var attribute = parameter.GetCustomAttribute<PersistentStateAttribute>();
            if (attribute is null)
            {
                continue;
            }

            var type = parameter.ParameterType;
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
            {
                throw new InvalidOperationException($"{grainClass.Name}: [PersistentState] goes on an IPersistentState<T> parameter, not on {type.Name}.");
            }

            var storageName = attribute.StorageName ?? GrainStorageNames.Default;
            var storage = services.GetKeyedService<IGrainStorage>(storageName)
                ?? throw new InvalidOperationException($"{grainClass.Name} needs grain storage '{storageName}', which is not registered.");
            var stateType = typeof(PersistentState<>).MakeGenericType(type.GetGenericArguments()[0]);
            var state = System.Activator.CreateInstance(stateType, attribute.StateName, storage, activation)!;
            states.Add((IPersistentStateLoader)state);
            extra.Add(state);
        }

        var grain = (Grain)ActivatorUtilities.CreateInstance(services, grainClass, [.. extra]);
        grain.Activation = activation;
        return grain;
    }
}
