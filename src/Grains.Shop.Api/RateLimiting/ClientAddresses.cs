using System.Net;
using System.Net.Sockets;

namespace Grains.Shop.Api.RateLimiting;

/// <summary>Which bucket a client address counts in.</summary>
public static class ClientAddresses
{
    private const int IPv6PrefixBytes = 8;

    /// <summary>
    /// An IPv4 address is its own partition; an IPv6 address counts as its /64 network, because one host commonly holds
    /// a whole /64 and could otherwise send each request from a fresh address. Null (no address known) is one partition.
    /// </summary>
    public static IPAddress? PartitionOf(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[IPv6PrefixBytes..].Clear();
        return new IPAddress(bytes);
    }
}
