namespace Grains.Gateway.Operators;

/// <summary>
/// Checks the silo address that some of the Orleans dashboard's routes carry (<c>/dashboard/SiloCounters/{address}</c>
/// and its siblings, <c>/dashboard/HistoricalStats/{path}</c>). The dashboard parses it only when it calls the silo, and
/// a malformed one ends in a 500; here it gets a 400 before the dashboard sees it. The dashboard's own files
/// (<c>/dashboard/fonts/{path}</c>, <c>/dashboard/img/{path}</c>) carry a <c>path</c> too, which is no silo address.
/// </summary>
public static class SiloAddressRoute
{
    /// <summary>The route values holding a silo address, by the start of the dashboard route that carries them.</summary>
    private static readonly (string Route, string Value)[] s_routes =
    [
        ("HistoricalStats/", "path"),
        ("SiloProperties/", "address"),
        ("SiloMetadata/", "address"),
        ("SiloStats/", "address"),
        ("SiloCounters/", "address"),
    ];

    /// <summary>A 400 problem when the request's silo address does not parse; null when it does, or when the route has none.</summary>
    public static IResult? Check(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pattern = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? string.Empty;
        foreach (var (route, name) in s_routes)
        {
            if (pattern.Contains(route, StringComparison.Ordinal)
                && context.Request.RouteValues.TryGetValue(name, out var value) && !IsSiloAddress(value as string))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    [name] = ["must be a silo address as the dashboard lists it, such as 127.0.0.1:11111@123456789"],
                });
            }
        }

        return null;
    }

    private static bool IsSiloAddress(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 256)
        {
            return false;
        }

        try
        {
            return SiloAddress.FromParsableString(value) is { IsClient: false };
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            return false;
        }
    }
}
