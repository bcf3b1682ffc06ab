using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Grains.Shop.Contracts.Serving;

/// <summary>
/// What the active grains of one kind in this process publish, by grain key, for the API in the same process to read
/// without a grain call. Each activation publishes its own entry and withdraws only that one, so a new activation's
/// entry never disappears with an old one's.
/// </summary>
public abstract class LocalTable<TEntry>
    where TEntry : class
{
    private readonly ConcurrentDictionary<string, TEntry> _entries = new(StringComparer.Ordinal);

    /// <summary>How many entries are published now.</summary>
    public int Count => _entries.Count;

    /// <summary>Publishes <paramref name="entry"/> under <paramref name="key"/>, replacing any earlier one.</summary>
    public void Publish(string key, TEntry entry) => _entries[key] = entry;

    /// <summary>Withdraws <paramref name="entry"/>, if it is still the one published under <paramref name="key"/>.</summary>
    public void Withdraw(string key, TEntry entry) => _entries.TryRemove(new KeyValuePair<string, TEntry>(key, entry));

    /// <summary>The entry published under <paramref name="key"/>, if any.</summary>
    protected bool TryGetEntry(string key, [NotNullWhen(true)] out TEntry? entry) => _entries.TryGetValue(key, out entry);
}
