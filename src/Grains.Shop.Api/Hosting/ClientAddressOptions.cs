using System.Net;

namespace Grains.Shop.Api.Hosting;

/// <summary>
/// How a silo tells which client sent a request, bound from <c>Api:ClientAddress</c>. Behind a gateway the silo's peer
/// is the gateway; the client is the last address the gateway appended to <c>X-Forwarded-For</c>, and that header is
/// believed only when the peer is one of <see cref="TrustedProxies"/> (ASP.NET Core's forwarded-headers middleware).
/// The limits of the routes that need no token count requests per this address.
/// </summary>
public sealed class ClientAddressOptions
{
    /// <summary>
    /// Comma-separated addresses or CIDR networks (<c>10.1.0.0/16</c>, <c>fd00::/8</c>) of the gateways, and of any
    /// proxy in front of them, whose <c>X-Forwarded-For</c> is believed. The default, loopback, is where the local
    /// cluster and the tests run their gateways. Empty: no peer is believed, so behind a gateway every client counts
    /// as the gateway.
    /// </summary>
    public string TrustedProxies { get; set; } = "127.0.0.0/8,::1/128";

    /// <summary>
    /// How many addresses of <c>X-Forwarded-For</c> are read, from the right: one per trusted proxy a request passes
    /// (1: a gateway; 2: a load balancer in front of the gateways). Each is believed only while the hop that added it is trusted.
    /// </summary>
    public int ForwardLimit { get; set; } = 1;

    /// <summary>Parses <see cref="TrustedProxies"/>; false, with the first entry that is not an address or a network, when one is not.</summary>
    public bool TryParseTrustedProxies(out IReadOnlyList<IPNetwork> networks, out string? invalid)
    {
        var parsed = new List<IPNetwork>();
        networks = parsed;
        invalid = null;
        foreach (var entry in (TrustedProxies ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                parsed.Add(network);
            }
            else if (!entry.Contains('/', StringComparison.Ordinal) && IPAddress.TryParse(entry, out var address))
            {
                parsed.Add(new IPNetwork(address, address.GetAddressBytes().Length * 8));
            }
            else
            {
                invalid = entry;
                return false;
            }
        }

        return true;
    }
}
