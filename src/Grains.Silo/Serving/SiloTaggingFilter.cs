using Grains.Shop.Contracts.Serving;
using Orleans.Serialization.Invocation;
using Orleans.Storage;

namespace Grains.Silo.Serving;

/// <summary>
/// Tags every answer this silo gives a client (the API in a silo, or an outside client) with the silo's name and
/// address, in a <see cref="SiloTaggedResponse"/>. Calls between grains are left as they are.
/// </summary>
public sealed class SiloTaggingFilter(ILocalSiloDetails localSilo) : IIncomingGrainCallFilter
{
    private readonly string _name = localSilo.Name;
    private readonly string _address = localSilo.SiloAddress.ToParsableString();

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.SourceId is not { } source || !source.IsClient() || !ApplicationGrains.Contains(context))
        {
            await context.Invoke();
            return;
        }

        try
        {
            await context.Invoke();
        }
        catch (Exception ex) when (ex is not InconsistentStateException)
        {
            // Orleans deactivates an activation whose call let an InconsistentStateException escape, so that one stays
            // visible to it (and untagged); any other exception travels inside the tagged response.
            context.Response = Response.FromException(ex);
        }

        context.Response = new SiloTaggedResponse { Inner = context.Response!, SiloName = _name, SiloAddress = _address };
    }
}
