using System.Reflection;
using System.Text.Json;
using Grains.Shop.Carts;
using Grains.Shop.Contracts.Carts;
using Grains.Shop.Contracts.Orders;
using Grains.Shop.Contracts.Products;
using Grains.Shop.Contracts.Serving;
using Grains.Shop.Contracts.Sessions;
using Grains.Shop.Orders;
using Grains.Shop.Placement;
using Grains.Shop.Sessions;
using Orleans.Serialization.Invocation;

namespace Grains.Shop.Tests;

/// <summary>
/// Every type that crosses the Orleans wire (grain arguments, results and exceptions between gateways and silos; grain
/// state when an activation migrates) survives Orleans' serializer with every field, as its own type. A type without
/// [GenerateSerializer] fails here (exceptions included: Orleans finds no codec for them); a member without [Id] is
/// already refused at build time by Orleans' analyzer (ORLEANS0004), and any field that does not survive shows in the
/// comparison of the copy with the original.
/// </summary>
public sealed class WireSerializationTests(OrleansSerializerFixture orleans) : IClassFixture<OrleansSerializerFixture>
{
    private static readonly DateTimeOffset s_at = new(2026, 12, 2, 13, 10, 25, 123, TimeSpan.Zero);
    private static readonly CartItem s_item = new("TEA-001", "Green tea", 2, 6.50m, 13.00m);
    private static readonly Order s_order = new("0193a8c2e4f07b4c9a1d2e3f4a5b6c7d", [s_item], 13.00m, s_at);
    private static readonly CartLineState s_line = new("TEA-001", 2, 6.50m);

    /// <summary>One filled-in value of every wire type, by type.</summary>
    private static readonly IReadOnlyDictionary<Type, object> s_samples = new object[]
    {
        new AddCartItem("TEA-001", 2, "key-1", 1_796_000_000_000),
        new SetCartItemQuantity("TEA-001", 5),
        new Checkout("key-2", 1_796_000_000_000),
        new Cart("alice", [s_item], 13.00m, 4),
        s_item,
        s_order,
        new Product("TEA-001", "Green tea", 6.50m),
        new SessionInfo("s-1", "alice", s_at, s_at.AddMinutes(1), s_at.AddMinutes(31)),
        new CartRuleException("A cart rule was broken."),
        new UnknownSkuException("The SKU is not in the catalog."),
        new QuantityOutOfRangeException("One add takes 1 to 999 units."),
        new TooManyLinesException("A cart holds at most 100 lines."),
        new EmptyCartException("The cart is empty."),
        new PendingOrdersFullException("Too many orders wait for the orders grain."),
        new StaleRequestException("Received before keys this cart forgot."),
        new CheckoutLimitException("Too many checkouts within the window.", TimeSpan.FromSeconds(42)),
        new IdempotencyKeyReusedException("The idempotency key was already used for a different request."),
        new SessionConflictException("A session with this id already exists."),
        new StorageUnavailableException("The store did not confirm the grain's state."),
        new SiloLeaseExpiredException("The silo's lease ran out.", outcomeUnknown: true),
        new SiloTaggedResponse { Inner = Response.FromResult(7), SiloName = "silo-1", SiloAddress = "127.0.0.1:11111@1" },
        new CartState
        {
            Lines = [s_line],
            Version = 3,
            IdempotencyKeys = [new IdempotencyEntry("k-digest", "r-digest", 1_796_000_000, Lines: [s_line], Version: 3), new IdempotencyEntry("p-digest", null, 1_796_000_001, s_order.OrderId)],
            LegacyIdempotencyRecords = [new LegacyIdempotencyRecord("key-1", "add TEA-001 2", s_at), new LegacyIdempotencyRecord("pay", "checkout", s_at, OrderId: s_order.OrderId)],
            PendingOrders = [s_order],
            ForgottenBefore = 1_796_000_000_000,
            RecentCheckouts = [1_796_000_001_000, 1_796_000_002_000],
        },
        s_line,
        new IdempotencyEntry("k-digest", "r-digest", 1_796_000_000, Lines: [s_line], Version: 3),
        new LegacyIdempotencyRecord("pay", "checkout", s_at, Order: s_order),
        new OrdersState { Orders = [s_order], Count = 41, RecentOrderIds = ["a", s_order.OrderId] },
        new OrderPageState { Orders = [s_order] },
        new ListOrders(20, 41),
        new OrderSlice([s_order], 40),
        new SessionState { UserId = "alice", CreatedAt = s_at, LastSeenAt = s_at.AddMinutes(1), ExpiresAt = s_at.AddMinutes(31), Revoked = true },
        UserPlacement.Instance,
    }.ToDictionary(sample => sample.GetType());

    public static TheoryData<string> WireTypes() => [.. s_samples.Keys.Select(t => t.Name).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(WireTypes))]
    public void A_value_survives_the_wire_as_its_own_type_with_every_field(string typeName)
    {
        var sample = s_samples.Single(s => s.Key.Name == typeName).Value;

        var copy = orleans.RoundTrip(sample);

        Assert.IsType(sample.GetType(), copy);
        if (sample is Exception exception)
        {
            Assert.Equal(exception.Message, ((Exception)copy).Message);
            Assert.Equal(OwnProperties(exception), OwnProperties((Exception)copy));
        }
        else if (sample is not SiloTaggedResponse)
        {
            Assert.Equal(JsonSerializer.Serialize(sample, sample.GetType()), JsonSerializer.Serialize(copy, copy.GetType()));
        }
    }

    [Fact]
    public void A_tagged_response_carries_its_tag_and_its_result()
    {
        var copy = Assert.IsType<SiloTaggedResponse>(orleans.RoundTrip(new SiloTaggedResponse
        {
            Inner = Response.FromResult(new Cart("alice", [s_item], 13.00m, 4)),
            SiloName = "silo-1",
            SiloAddress = "127.0.0.1:11111@1",
        }));

        Assert.Equal("silo-1", copy.SiloName);
        Assert.Equal("127.0.0.1:11111@1", copy.SiloAddress);
        Assert.Equal(4, copy.GetResult<Cart>()!.Version);
        Assert.Null(copy.Exception);
    }

    [Fact]
    public void A_tagged_response_carries_its_exception_as_its_own_type()
    {
        var copy = Assert.IsType<SiloTaggedResponse>(orleans.RoundTrip(new SiloTaggedResponse
        {
            Inner = Response.FromException(new UnknownSkuException("The SKU is not in the catalog.")),
            SiloName = "silo-1",
        }));

        Assert.Equal("The SKU is not in the catalog.", Assert.Throws<UnknownSkuException>(() => copy.GetResult<Cart>()).Message);
    }

    [Fact]
    public void Every_type_that_crosses_the_wire_has_a_sample()
    {
        var missing = WireTypesOf(typeof(ICartGrain).Assembly, typeof(CartState).Assembly).Where(t => !s_samples.ContainsKey(t)).Select(t => t.FullName);

        Assert.Empty(missing);
    }

    /// <summary>What an exception type adds to <see cref="Exception"/>, by property name.</summary>
    private static Dictionary<string, object?> OwnProperties(Exception exception) =>
        exception.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.DeclaringType != typeof(Exception) && p.GetIndexParameters().Length == 0)
            .ToDictionary(p => p.Name, p => p.GetValue(exception), StringComparer.Ordinal);

    /// <summary>
    /// The arguments and results of the grain interfaces and every type they hold, the exceptions, and every type
    /// marked for Orleans serialization (state that migrates, the tagged response), from the given assemblies.
    /// </summary>
    private static HashSet<Type> WireTypesOf(params Assembly[] assemblies)
    {
        var ours = assemblies.ToHashSet();
        var found = new HashSet<Type>();
        var pending = new Stack<Type>(assemblies.SelectMany(a => a.GetTypes()).Where(t =>
            t.IsDefined(typeof(GenerateSerializerAttribute), inherit: false) || typeof(Exception).IsAssignableFrom(t)));
        foreach (var method in assemblies.SelectMany(a => a.GetTypes()).Where(t => t.IsInterface && typeof(IGrain).IsAssignableFrom(t)).SelectMany(t => t.GetMethods()))
        {
            pending.Push(method.ReturnType);
            foreach (var parameter in method.GetParameters())
            {
                pending.Push(parameter.ParameterType);
            }
        }

        while (pending.TryPop(out var type))
        {
            if (type.IsGenericType)
            {
                foreach (var argument in type.GetGenericArguments())
                {
                    pending.Push(argument);
                }
            }
            else if (ours.Contains(type.Assembly) && !type.IsAbstract && found.Add(type))
            {
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    pending.Push(property.PropertyType);
                }
            }
        }

        return found;
    }
}
