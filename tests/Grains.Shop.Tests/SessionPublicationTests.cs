using Grains.Shop.Contracts.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Shop.Tests;

/// <summary>
/// When a session grain publishes its session in its silo (<see cref="LocalSessions"/>): from its first call, never
/// after its store showed its view stale, and again only from a new activation. Sessions here write every touch.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SessionPublicationTests(ShortSessionShopCluster shop) : IClassFixture<ShortSessionShopCluster>
{
    private static readonly TimeSpan s_deactivationTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_session_whose_write_found_another_writer_is_withdrawn_at_once_and_published_again_by_its_next_activation()
    {
        var key = UserGrainKeys.Session("gina", Guid.NewGuid().ToString("N"));
        var session = shop.Client.GetGrain<ISessionGrain>(key);
        await session.StartAsync("gina");
        var local = shop.SiloHosting(session)!.ServiceProvider.GetRequiredService<LocalSessions>();
        Assert.Equal(1, local.Count);

        // Another activation (on a silo that thinks it owns the session) writes it, with an etag of its own.
        await shop.WriteStateBehindItsBackAsync(shop.StateKey("session", key, "session"), stored => stored);
        var deactivated = shop.Cluster.WaitForDeactivationAsync(session);

        // The touch's activity write fails on the etag: the touch still answers, but the session is withdrawn for good.
        Assert.NotNull(await session.TouchAsync());
        Assert.Equal(0, local.Count);
        await deactivated.WaitAsync(s_deactivationTimeout);
        Assert.Equal(0, local.Count);

        Assert.NotNull(await session.TouchAsync());
        Assert.Equal(1, shop.SiloHosting(session)!.ServiceProvider.GetRequiredService<LocalSessions>().Count);
    }
}
