using Grains.Chaos.Workload;

namespace Grains.Chaos.Tests;

/// <summary>Builds synthetic histories for one user, one operation after another, as the workload records them.</summary>
internal sealed class Histories
{
    private readonly List<Operation> _operations = [];
    private long _time = 1_000;
    private long _version;
    private readonly Dictionary<string, int> _cart = new(StringComparer.Ordinal);
    private readonly List<OrderView> _orders = [];

    public Histories(string user = "alice") => User = user;

    public string User { get; }

    public IReadOnlyList<Operation> Operations => _operations;

    /// <summary>An acknowledged add, applied to the model cart.</summary>
    public Histories Add(string sku, int quantity) => Record(OperationKind.Add, Outcome.Ok, sku, quantity, apply: true);

    /// <summary>An add of unknown outcome; <paramref name="applied"/> says whether it did take effect.</summary>
    public Histories UnknownAdd(string sku, int quantity, bool applied) => Record(OperationKind.Add, Outcome.Info, sku, quantity, apply: applied);

    public Histories FailedAdd(string sku, int quantity) => Record(OperationKind.Add, Outcome.Fail, sku, quantity, apply: false);

    public Histories Read(long? version = null)
    {
        var at = Tick();
        _operations.Add(new Operation(_operations.Count + 1, User, OperationKind.Read, at, at + 1, Outcome.Ok, 200, CartVersion: version ?? _version));
        return this;
    }

    public Histories Checkout(Outcome outcome = Outcome.Ok, bool applied = true)
    {
        var at = Tick();
        OrderView? order = null;
        if (applied)
        {
            order = new OrderView($"order-{_orders.Count + 1}", [.. _cart.Select(l => Item(l.Key, l.Value))], 0, DateTimeOffset.UnixEpoch);
            _orders.Add(order);
            _cart.Clear();
            _version++;
        }

        _operations.Add(new Operation(_operations.Count + 1, User, OperationKind.Checkout, at, at + 1, outcome, outcome == Outcome.Ok ? 201 : 503,
            IdempotencyKey: $"k{_operations.Count + 1}", Order: outcome == Outcome.Ok ? order : null));
        return this;
    }

    /// <summary>The final state the model says the cluster holds.</summary>
    public UserFinalState Final() =>
        new(new CartView(User, [.. _cart.Select(l => Item(l.Key, l.Value))], 0, _version), [.. _orders]);

    public Dictionary<string, UserFinalState?> Finals(UserFinalState? final = null) =>
        new(StringComparer.Ordinal) { [User] = final ?? Final() };

    /// <summary>Loses the last applied change of <paramref name="sku"/>, as a crash that dropped a write would.</summary>
    public void Forget(string sku, int quantity)
    {
        _cart[sku] -= quantity;
        _version--;
    }

    private Histories Record(OperationKind kind, Outcome outcome, string sku, int quantity, bool apply)
    {
        var at = Tick();
        if (apply)
        {
            _cart[sku] = _cart.GetValueOrDefault(sku) + quantity;
            _version++;
        }

        _operations.Add(new Operation(_operations.Count + 1, User, kind, at, at + 1, outcome, outcome switch { Outcome.Ok => 200, Outcome.Fail => 400, _ => 0 },
            sku, quantity, $"k{_operations.Count + 1}", CartVersion: outcome == Outcome.Ok ? _version : null));
        return this;
    }

    private long Tick() => _time += 10;

    private static CartItemView Item(string sku, int quantity) => new(sku, sku, quantity, 1m, quantity);
}
