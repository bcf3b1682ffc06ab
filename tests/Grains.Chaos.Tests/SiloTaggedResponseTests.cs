using Grains.Shop.Contracts.Serving;
using Orleans.Serialization.Invocation;

namespace Grains.Chaos.Tests;

/// <summary>
/// Found by the pause-only chaos run: a resumed zombie silo crashed with an unhandled exception while Orleans formatted
/// an undeliverable answer to a client for its log (GatewayInboundConnection.RetryMessage formats the message, and a
/// message formats its response). Any silo whose client connection closes with such an answer in flight (a gateway
/// killed) takes the same path.
/// </summary>
public sealed class SiloTaggedResponseTests
{
    [Fact]
    public void A_tagged_exception_answer_formats_as_its_exception_instead_of_throwing_it()
    {
        using var response = new SiloTaggedResponse
        {
            Inner = Response.FromException(new SiloLeaseExpiredException("The silo does not hold its lease; the call did not run.", outcomeUnknown: false)),
            SiloName = "silo-1",
        };

        var text = response.ToString();

        Assert.Contains(nameof(SiloLeaseExpiredException), text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tagged_result_formats_as_its_result()
    {
        using var response = new SiloTaggedResponse { Inner = Response.FromResult("a cart"), SiloName = "silo-1" };

        Assert.Contains("a cart", response.ToString(), StringComparison.Ordinal);
    }
}
