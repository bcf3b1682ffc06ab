using System.Diagnostics.CodeAnalysis;

namespace Grains.Showdown.Server.Routing;

/// <summary>One server behind the proxy, as configured: <c>route=http://host:port</c>.</summary>
public static class BackendEntry
{
    /// <summary>Parses <c>route=http://host:port</c>.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out string? route, [NotNullWhen(true)] out Uri? address)
    {
        route = null;
        address = null;
        var equals = text?.IndexOf('=', StringComparison.Ordinal) ?? -1;
        if (equals <= 0 || !Uri.TryCreate(text![(equals + 1)..], UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            return false;
        }

        route = text[..equals];
        address = uri;
        return true;
    }
}
