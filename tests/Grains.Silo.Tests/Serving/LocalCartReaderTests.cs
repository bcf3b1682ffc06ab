using Grains.Shop.Api.GrainCalls;
using Grains.Shop.Contracts.Carts;
using Grains.Shop.Contracts.Serving;
using Grains.Silo.Fencing;
using Grains.Silo.Tests.Fencing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Silo.Tests.Serving;

/// <summary>When the API may answer a read from the cart its grain published in the silo, without calling the grain.</summary>
public sealed class LocalCartReaderTests
{
    private static readonly Cart s_cart = new("alice", [new CartItem("TEA-001", "Tea", 2, 6.50m, 13.00m)], 13.00m, 3);

    private readonly ManualClock _clock = new();
    private readonly LocalCarts _carts = new();
    private readonly SiloLease _lease;

    public LocalCartReaderTests() => _lease = new SiloLease(_clock);

    private LocalCartReader Reader(bool inSilo = true)
    {
        var services = new ServiceCollection().AddSingleton(_carts).AddSingleton<IServingLease>(_lease);
        if (inSilo)
        {
            services.AddSingleton<ILocalSiloDetails>(new NamedSilo("silo-a"));
        }

        return new LocalCartReader(services.BuildServiceProvider());
    }

    [Fact]
    public void A_published_cart_is_read_while_the_lease_holds_and_counts_as_served_in_process()
    {
        _carts.Publish("alice", new LocalCart(s_cart));
        _lease.Renew(_clock.GetTimestamp(), TimeSpan.FromSeconds(1));
        var serving = ServingSilo.Begin(new DefaultHttpContext());

        Assert.True(Reader().TryRead("alice", out var cart));

        Assert.Same(s_cart, cart);
        Assert.Equal(Locality.InProcess, serving.Locality);
        Assert.Equal("silo-a", serving.Name);
    }

    [Fact]
    public void Once_the_lease_lapsed_the_grain_must_answer()
    {
        _carts.Publish("alice", new LocalCart(s_cart));
        _lease.Renew(_clock.GetTimestamp(), TimeSpan.FromSeconds(1));
        var serving = ServingSilo.Begin(new DefaultHttpContext());

        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.False(Reader().TryRead("alice", out var cart));
        Assert.Null(cart);
        Assert.Equal(Locality.None, serving.Locality);
    }

    [Fact]
    public void A_cart_not_published_here_and_any_read_outside_a_silo_go_to_the_grain()
    {
        _lease.Renew(_clock.GetTimestamp(), TimeSpan.FromSeconds(1));
        Assert.False(Reader().TryRead("alice", out _));

        _carts.Publish("alice", new LocalCart(s_cart));
        Assert.False(Reader(inSilo: false).TryRead("alice", out _));
    }

    [Fact]
    public void Only_the_published_entry_is_withdrawn_and_a_shown_change_is_what_the_next_read_gets()
    {
        var first = new LocalCart(s_cart);
        var second = new LocalCart(s_cart);
        _carts.Publish("alice", first);
        _carts.Publish("alice", second);

        _carts.Withdraw("alice", first);
        var changed = s_cart with { Version = 4 };
        second.Show(changed);

        Assert.True(_carts.TryGet("alice", out var cart));
        Assert.Same(changed, cart);
        _carts.Withdraw("alice", second);
        Assert.False(_carts.TryGet("alice", out _));
        Assert.Equal(0, _carts.Count);
    }

    private sealed class NamedSilo(string name) : ILocalSiloDetails
    {
        public string Name => name;

        public string ClusterId => "test";

        public string DnsHostName => "localhost";

        public SiloAddress SiloAddress => SiloAddress.FromParsableString("127.0.0.1:11111@1");

        public SiloAddress GatewayAddress => SiloAddress;
    }
}
