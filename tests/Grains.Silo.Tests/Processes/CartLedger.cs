using Grains.Shop.Contracts.Carts;

namespace Grains.Silo.Tests.Processes;

/// <summary>
/// What the test knows of each cart's contents: per product, the adds (of one unit) that were acknowledged, and those
/// whose outcome is unknown (they failed in a way that does not prove they did not run). A cart as read is right when
/// every line holds all its acknowledged adds and at most the unknown ones besides.
/// </summary>
public sealed class CartLedger
{
    private readonly Dictionary<string, Dictionary<string, (int Acknowledged, int Unknown)>> _carts = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public IReadOnlyCollection<string> Carts
    {
        get
        {
            lock (_lock)
            {
                return [.. _carts.Keys];
            }
        }
    }

    public void Acknowledged(string cart, string sku) => Change(cart, sku, acknowledged: 1, unknown: 0);

    public void Unknown(string cart, string sku) => Change(cart, sku, acknowledged: 0, unknown: 1);

    public int AcknowledgedAdds(string cart)
    {
        lock (_lock)
        {
            return _carts.TryGetValue(cart, out var lines) ? lines.Values.Sum(l => l.Acknowledged) : 0;
        }
    }

    /// <summary>Null when <paramref name="read"/> fits what is known of its cart, else what is wrong with it.</summary>
    public string? Check(Cart read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (_lock)
        {
            var known = _carts.GetValueOrDefault(read.UserId) ?? [];
            var quantities = read.Items.ToDictionary(i => i.Sku, i => i.Quantity, StringComparer.Ordinal);
            var wrong = known.Keys.Union(quantities.Keys)
                .Select(sku => (Sku: sku, Read: quantities.GetValueOrDefault(sku), Known: known.GetValueOrDefault(sku)))
                .Where(l => l.Read < l.Known.Acknowledged || l.Read > l.Known.Acknowledged + l.Known.Unknown)
                .Select(l => $"{l.Sku}: read {l.Read}, acknowledged {l.Known.Acknowledged}, unknown {l.Known.Unknown}")
                .ToList();
            return wrong.Count == 0 ? null : $"cart {read.UserId} is wrong ({string.Join("; ", wrong)})";
        }
    }

    private void Change(string cart, string sku, int acknowledged, int unknown)
    {
        lock (_lock)
        {
            if (!_carts.TryGetValue(cart, out var lines))
            {
                _carts[cart] = lines = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
            }

            var line = lines.GetValueOrDefault(sku);
            lines[sku] = (line.Acknowledged + acknowledged, line.Unknown + unknown);
        }
    }
}
