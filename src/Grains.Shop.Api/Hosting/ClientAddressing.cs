using Microsoft.AspNetCore.HttpOverrides;

namespace Grains.Shop.Api.Hosting;

/// <summary>ASP.NET Core's forwarded-headers middleware, set from <see cref="ClientAddressOptions"/>.</summary>
public static class ClientAddressing
{
    /// <summary>
    /// Only <c>X-Forwarded-For</c>, only from the trusted proxies (ASP.NET Core's own default list, loopback, is
    /// replaced by the configured one), and at most <see cref="ClientAddressOptions.ForwardLimit"/> addresses deep.
    /// </summary>
    public static void Configure(ForwardedHeadersOptions forwarded, ClientAddressOptions options)
    {
        ArgumentNullException.ThrowIfNull(forwarded);
        ArgumentNullException.ThrowIfNull(options);
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
        forwarded.ForwardLimit = options.ForwardLimit;
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        if (options.TryParseTrustedProxies(out var networks, out _))
        {
            foreach (var network in networks)
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        }
    }
}
