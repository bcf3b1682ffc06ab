namespace Grains.Shop.Api.GrainCalls;

/// <summary>Marks an endpoint whose handler calls grains, so that its documentation names the <c>X-Silo</c> header.</summary>
public sealed class GrainCallsMetadata
{
    public static GrainCallsMetadata Instance { get; } = new();

    private GrainCallsMetadata()
    {
    }
}
