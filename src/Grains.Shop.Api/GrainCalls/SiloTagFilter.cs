using Grains.Shop.Contracts.Serving;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Shop.Api.GrainCalls;

/// <summary>
/// Every grain call the API makes passes through here: the silo's tag (<see cref="SiloTaggedResponse"/>) is taken off
/// the answer and recorded for the request's <c>X-Silo</c> and <c>X-Locality</c> headers. In a silo, a call whose tag
/// holds this silo's address ran in this process; in a client (the showdown's client gateways) no call does.
/// </summary>
public sealed class SiloTagFilter(IServiceProvider services) : IOutgoingGrainCallFilter
{
    private readonly string? _localSilo = services.GetService<ILocalSiloDetails>()?.SiloAddress.ToParsableString();

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.Invoke();
        if (context.Response is SiloTaggedResponse tagged)
        {
            ServingSilo.Current?.Record(tagged.SiloName, string.Equals(tagged.SiloAddress, _localSilo, StringComparison.Ordinal));
            context.Response = tagged.Inner;
        }
    }
}
