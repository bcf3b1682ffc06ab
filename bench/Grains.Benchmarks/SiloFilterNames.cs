namespace Grains.Benchmarks;

/// <summary>How <see cref="SiloFilters"/> are written on the command line: <c>production</c>, <c>none</c> or a comma list.</summary>
internal static class SiloFilterNames
{
    private static readonly Dictionary<string, SiloFilters> s_names = new(StringComparer.Ordinal)
    {
        ["production"] = SiloFilters.Production,
        ["none"] = SiloFilters.None,
        ["tagging"] = SiloFilters.Tagging,
        ["storage"] = SiloFilters.Storage,
        ["lease"] = SiloFilters.Lease,
        ["journal"] = SiloFilters.Journal,
    };

    public static bool TryParse(string text, out SiloFilters filters)
    {
        filters = SiloFilters.None;
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!s_names.TryGetValue(name, out var flag))
            {
                return false;
            }

            filters |= flag;
        }

        return true;
    }

    public static string Format(SiloFilters filters) =>
        filters == SiloFilters.None
            ? "none"
            : string.Join(',', Enum.GetValues<SiloFilters>()
                .Where(f => f is not SiloFilters.None and not SiloFilters.Production && filters.HasFlag(f))
                .Select(f => f.ToString().ToLowerInvariant()));
}
