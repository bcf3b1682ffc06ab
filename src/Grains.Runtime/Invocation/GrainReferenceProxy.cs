using System.ComponentModel;
using System.Reflection;
using Grains.Runtime.Messaging;

namespace Grains.Runtime.Invocation;

/// <summary>The object behind a grain reference: every interface call becomes a message to the grain.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public class GrainReferenceProxy : DispatchProxy
{
    private GrainInterface _interface = null!;
    private RuntimeClient _runtime = null!;

    internal GrainId GrainId { get; private set; }

    internal void Initialize(GrainInterface grainInterface, GrainId grainId, RuntimeClient runtime)
    {
        _interface = grainInterface;
        GrainId = grainId;
        _runtime = runtime;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (!_interface.ByMethodInfo.TryGetValue(targetMethod, out var method))
        {
            return targetMethod.Name switch
            {
                nameof(ToString) => GrainId.ToString(),
                nameof(GetHashCode) => GrainId.GetHashCode(),
                nameof(Equals) => args is [GrainReferenceProxy other] && other.GrainId == GrainId,
                _ => throw new NotSupportedException($"{targetMethod.Name} is not a grain method."),
            };
        }

        return _runtime.CreateCall(method, GrainId, args ?? []);
    }
}
