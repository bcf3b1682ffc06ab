using Grains.Chaos.Workload;

namespace Grains.Chaos.Checking;

/// <summary>
/// Checks a history of cart operations against every user's final cart and orders, in the manner of Jepsen's set
/// checker. Each user runs one operation at a time, so a user's operations are totally ordered. Four facts are used:
/// <list type="bullet">
/// <item>Units are conserved: for every SKU, what the final cart and all orders hold equals the acknowledged adds
/// plus some subset of the adds of unknown outcome (info). Less means a lost write; more than any subset explains
/// means an add applied twice, or a failed one that applied.</item>
/// <item>The cart version grows by one with every applied add and checkout, so the final version minus the
/// acknowledged adds and all orders is the number of info adds that applied; it must agree with the units.</item>
/// <item>Versions never go back: an acknowledged add has a version above every version the user saw before, and an
/// acknowledged read at least as high. A crash that lost a write shows up as a version seen twice.</item>
/// <item>Every acknowledged checkout's order is in the final orders, with the same lines; every other order comes
/// from a checkout of unknown outcome.</item>
/// </list>
/// </summary>
public static class CartChecker
{
    private const int MaxAnomalies = 50;

    public static CartCheck Check(IReadOnlyList<Operation> history, IReadOnlyDictionary<string, UserFinalState?> finalStates)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(finalStates);
        var totals = new Totals();
        var byUser = history.GroupBy(o => o.User, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(o => o.InvokedAt).ThenBy(o => o.Id).ToList(), StringComparer.Ordinal);
        foreach (var (user, final) in finalStates.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var operations = byUser.GetValueOrDefault(user) ?? [];
            CountOutcomes(operations, totals);
            totals.LostSessions += operations.Count(o => o.Status == 401);
            if (final is null)
            {
                totals.Unreadable++;
                totals.Anomaly($"{user}: the final cart and orders could not be read");
                continue;
            }

            CheckVersions(user, operations, final, totals);
            var orders = CheckOrders(user, operations, final, totals);
            CheckUnits(user, operations, final, orders, totals);
        }

        foreach (var operation in history.Where(o => o.Status == 401).Take(5))
        {
            totals.Anomaly($"{operation.User}: operation {operation.Id} was refused with 401: the session it signed in with is gone");
        }

        return new CartCheck(
            finalStates.Count,
            totals.AcknowledgedAdds,
            totals.AcknowledgedCheckouts,
            totals.AcknowledgedReads,
            totals.Failed,
            totals.InfoAdds,
            totals.InfoAddsApplied,
            totals.InfoCheckouts,
            totals.InfoCheckoutsApplied,
            totals.InfoReads,
            totals.Lost + totals.LostSessions,
            totals.Unexpected,
            totals.Stale,
            totals.LostSessions,
            totals.Unreadable,
            totals.Anomalies);
    }

    private static void CountOutcomes(List<Operation> operations, Totals totals)
    {
        foreach (var operation in operations)
        {
            switch (operation.Outcome, operation.Kind)
            {
                case (Outcome.Ok, OperationKind.Add): totals.AcknowledgedAdds++; break;
                case (Outcome.Ok, OperationKind.Checkout): totals.AcknowledgedCheckouts++; break;
                case (Outcome.Ok, OperationKind.Read): totals.AcknowledgedReads++; break;
                case (Outcome.Info, OperationKind.Add): totals.InfoAdds++; break;
                case (Outcome.Info, OperationKind.Checkout): totals.InfoCheckouts++; break;
                case (Outcome.Info, OperationKind.Read): totals.InfoReads++; break;
                default: totals.Failed++; break;
            }
        }
    }

    private static void CheckVersions(string user, List<Operation> operations, UserFinalState final, Totals totals)
    {
        long seen = 0;
        foreach (var operation in operations.Where(o => o.Outcome == Outcome.Ok && o.CartVersion is not null))
        {
            var version = operation.CartVersion!.Value;
            if (operation.Kind == OperationKind.Add && version <= seen)
            {
                totals.Lost++;
                totals.Anomaly($"{user}: add {operation.Id} ({operation.IdempotencyKey}) was acknowledged at version {version}, but version {seen} had been seen before: an acknowledged change was overwritten");
            }
            else if (operation.Kind == OperationKind.Read && version < seen)
            {
                totals.Stale++;
                totals.Anomaly($"{user}: read {operation.Id} from {operation.Silo} saw version {version} after version {seen} had been acknowledged");
            }

            seen = Math.Max(seen, version);
        }

        if (final.Cart.Version < seen)
        {
            totals.Lost++;
            totals.Anomaly($"{user}: the final cart has version {final.Cart.Version}, older than the acknowledged version {seen}");
        }
    }

    /// <summary>Checks the orders; returns the distinct final orders.</summary>
    private static List<OrderView> CheckOrders(string user, List<Operation> operations, UserFinalState final, Totals totals)
    {
        var orders = new Dictionary<string, OrderView>(StringComparer.Ordinal);
        foreach (var order in final.Orders)
        {
            if (!orders.TryAdd(order.OrderId, order))
            {
                totals.Unexpected++;
                totals.Anomaly($"{user}: order {order.OrderId} is listed twice");
            }
        }

        var acknowledged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in operations.Where(o => o.Kind == OperationKind.Checkout && o.Outcome == Outcome.Ok && o.Order is not null))
        {
            acknowledged.Add(operation.Order!.OrderId);
            if (!orders.TryGetValue(operation.Order.OrderId, out var stored))
            {
                totals.Lost++;
                totals.Anomaly($"{user}: checkout {operation.Id} was acknowledged with order {operation.Order.OrderId}, which is not among the final orders");
            }
            else if (!SameLines(stored.Items, operation.Order.Items))
            {
                totals.Unexpected++;
                totals.Anomaly($"{user}: order {stored.OrderId} holds other lines than its checkout acknowledged");
            }
        }

        var unknown = orders.Keys.Count(id => !acknowledged.Contains(id));
        var infoCheckouts = operations.Count(o => o.Kind == OperationKind.Checkout && o.Outcome == Outcome.Info);
        if (unknown > infoCheckouts)
        {
            totals.Unexpected += unknown - infoCheckouts;
            totals.Anomaly($"{user}: {unknown} orders come from no acknowledged checkout, but only {infoCheckouts} checkouts had an unknown outcome");
        }

        totals.InfoCheckoutsApplied += Math.Min(unknown, infoCheckouts);
        return [.. orders.Values];
    }

    private static void CheckUnits(string user, List<Operation> operations, UserFinalState final, List<OrderView> orders, Totals totals)
    {
        var observed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in final.Cart.Items.Concat(orders.SelectMany(o => o.Items)))
        {
            observed[item.Sku] = observed.GetValueOrDefault(item.Sku) + item.Quantity;
        }

        var adds = operations.Where(o => o.Kind == OperationKind.Add).ToList();
        var acknowledged = adds.Where(o => o.Outcome == Outcome.Ok).GroupBy(o => o.Sku!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(o => o.Quantity).ToList(), StringComparer.Ordinal);
        var unknown = adds.Where(o => o.Outcome == Outcome.Info).GroupBy(o => o.Sku!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(o => o.Quantity).ToList(), StringComparer.Ordinal);

        // How many info adds may have applied, per SKU, to explain what the final state holds beyond the acknowledged adds.
        var explainable = true;
        var possibleCounts = new HashSet<int> { 0 };
        foreach (var sku in observed.Keys.Concat(acknowledged.Keys).Concat(unknown.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var surplus = observed.GetValueOrDefault(sku) - (acknowledged.GetValueOrDefault(sku)?.Sum() ?? 0);
            var candidates = unknown.GetValueOrDefault(sku) ?? [];
            if (surplus < 0)
            {
                explainable = false;
                totals.Lost += AddsCovering(-surplus, acknowledged[sku]);
                totals.Anomaly($"{user}: {sku} holds {observed.GetValueOrDefault(sku)} units in the final cart and orders, but {acknowledged[sku].Sum()} were acknowledged");
                continue;
            }

            var counts = SubsetCounts(candidates, surplus);
            if (counts.Count == 0)
            {
                explainable = false;
                totals.Unexpected++;
                totals.Anomaly($"{user}: {sku} holds {surplus} units more than acknowledged, which no subset of its {candidates.Count} adds of unknown outcome explains");
                continue;
            }

            possibleCounts = [.. possibleCounts.SelectMany(a => counts.Select(b => a + b))];
        }

        if (!explainable)
        {
            return;
        }

        var changes = final.Cart.Version - adds.Count(o => o.Outcome == Outcome.Ok) - orders.Count;
        if (!possibleCounts.Contains((int)changes))
        {
            if (changes < possibleCounts.Min())
            {
                totals.Lost++;
            }
            else
            {
                totals.Unexpected++;
            }

            totals.Anomaly($"{user}: the final version {final.Cart.Version} implies {changes} adds of unknown outcome applied, but the units allow only {string.Join('/', possibleCounts.Order())}");
            return;
        }

        totals.InfoAddsApplied += (int)changes;
    }

    /// <summary>The numbers of items of <paramref name="quantities"/> that can sum to exactly <paramref name="target"/>.</summary>
    internal static IReadOnlyCollection<int> SubsetCounts(IReadOnlyList<int> quantities, int target)
    {
        // reachable[c, s]: some c of the items seen so far sum to s.
        var reachable = new bool[quantities.Count + 1, target + 1];
        reachable[0, 0] = true;
        for (var i = 0; i < quantities.Count; i++)
        {
            var q = quantities[i];
            for (var c = i; c >= 0; c--)
            {
                for (var s = target - q; s >= 0; s--)
                {
                    if (reachable[c, s])
                    {
                        reachable[c + 1, s + q] = true;
                    }
                }
            }
        }

        return [.. Enumerable.Range(0, quantities.Count + 1).Where(c => reachable[c, target])];
    }

    /// <summary>The fewest acknowledged adds whose units make up at least <paramref name="missing"/> units.</summary>
    private static int AddsCovering(int missing, List<int> quantities)
    {
        var count = 0;
        foreach (var quantity in quantities.OrderDescending())
        {
            if (missing <= 0)
            {
                break;
            }

            missing -= quantity;
            count++;
        }

        return Math.Max(count, 1);
    }

    private static bool SameLines(IReadOnlyList<CartItemView> a, IReadOnlyList<CartItemView> b) =>
        a.Count == b.Count
        && a.OrderBy(i => i.Sku, StringComparer.Ordinal).Zip(b.OrderBy(i => i.Sku, StringComparer.Ordinal))
            .All(p => p.First.Sku == p.Second.Sku && p.First.Quantity == p.Second.Quantity && p.First.UnitPrice == p.Second.UnitPrice);

    private sealed class Totals
    {
        public int AcknowledgedAdds { get; set; }

        public int AcknowledgedCheckouts { get; set; }

        public int AcknowledgedReads { get; set; }

        public int Failed { get; set; }

        public int InfoAdds { get; set; }

        public int InfoAddsApplied { get; set; }

        public int InfoCheckouts { get; set; }

        public int InfoCheckoutsApplied { get; set; }

        public int InfoReads { get; set; }

        public int Lost { get; set; }

        public int Unexpected { get; set; }

        public int Stale { get; set; }

        public int LostSessions { get; set; }

        public int Unreadable { get; set; }

        public List<string> Anomalies { get; } = [];

        public void Anomaly(string description)
        {
            if (Anomalies.Count < MaxAnomalies)
            {
                Anomalies.Add(description);
            }
        }
    }
}
