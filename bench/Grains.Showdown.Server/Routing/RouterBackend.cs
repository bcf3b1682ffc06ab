using System.Diagnostics.CodeAnalysis;

namespace Grains.Showdown.Server.Routing;

/// <summary>One server behind the router, and until when it is skipped after it refused a connection.</summary>
public sealed class RouterBackend(string route, Uri address)
{
    private long _skipUntil;

    public string Route { get; } = route;

    public Uri Address { get; } = address;

    public bool IsSkipped(long now) => now < Interlocked.Read(ref _skipUntil);

    public void SkipUntil(long until) => Interlocked.Exchange(ref _skipUntil, until);

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
