using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grains.Gateway.Tests.Infrastructure;
using Grains.Gateway.Tests.Operators;
using Grains.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Grains.Gateway.Tests.Browser;

/// <summary>
/// The operator's pages in a real Chromium against real processes: the Orleans dashboard and the placement view see
/// every silo, and the placement view follows a silo's SIGKILL live, without a reload.
/// </summary>
[Trait("Category", "Browser")]
[Collection(ChaosCollection.Name)]
public sealed class DashboardBrowserTests(PlacementCluster cluster) : IClassFixture<PlacementCluster>, IAsyncLifetime
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(90);
    private static readonly LocatorAssertionsToHaveCountOptions s_count = new() { Timeout = (float)s_timeout.TotalMilliseconds };

    private BrowserSession? _browser;

    private BrowserSession Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync() => _browser = await BrowserSession.StartAsync();

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_orleans_dashboard_shows_every_silo()
    {
        var page = await OpenAsync();
        await WithScreenshotOnFailureAsync(page, "orleans-dashboard", async () =>
        {
            await page.GotoAsync("/dashboard/");
            var addresses = await ActiveSiloAddressesAsync();
            await page.GotoAsync("/dashboard/#/silos");
            foreach (var address in addresses)
            {
                await Expect(page.GetByText(address).First).ToBeVisibleAsync(new() { Timeout = (float)s_timeout.TotalMilliseconds });
            }

            await BrowserSession.ScreenshotAsync(page, "orleans-dashboard");
        });
    }

    [Fact]
    public async Task Every_operator_page_loads_without_a_failed_request_or_an_error_answer()
    {
        var page = await OpenAsync();
        var failures = new List<string>();
        page.RequestFailed += (_, request) => failures.Add($"{request.Method} {request.Url}: {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failures.Add($"{response.Request.Method} {response.Url}: {response.Status}");
            }
        };
        await WithScreenshotOnFailureAsync(page, "operator-pages", async () =>
        {
            foreach (var path in new[] { "/dashboard/", "/dashboard/#/grains", "/dashboard/#/silos", PlacementPath })
            {
                await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle, Timeout = (float)s_timeout.TotalMilliseconds });

                // Let a page's own polling make its requests too.
                await page.WaitForTimeoutAsync(2000);
            }

            // Among what the pages loaded: the dashboard's icon fonts and logo, and the placement view's stream.
            Assert.Empty(failures);
        });
    }

    [Fact]
    public async Task The_placement_view_follows_a_killed_silo_and_its_grains_to_the_other_silos_without_a_reload()
    {
        var page = await OpenAsync();
        var phone = await OpenAsync(width: 390, height: 844);
        await WithScreenshotOnFailureAsync(page, "placement", async () =>
        {
            await page.GotoAsync(PlacementPath);
            await page.EvaluateAsync("() => { window.loadedOnce = true; }");
            var cards = page.GetByTestId("silo-card");
            await Expect(cards.And(page.Locator("[data-status=active]"))).ToHaveCountAsync(cluster.SiloNames.Count, s_count);
            foreach (var name in cluster.SiloNames)
            {
                await Expect(page.Locator($"[data-testid=silo-card][data-silo='{name}'][data-status=active]")).ToHaveCountAsync(1, s_count);
            }

            using var users = new WatchedUsers(await WatchedUsersAsync(12));
            var watched = users.All[0];
            await page.GetByTestId("search-input").FillAsync(watched.UserId);
            await Expect(page.GetByTestId("found-silo")).ToHaveTextAsync(watched.Silo, new() { Timeout = (float)s_timeout.TotalMilliseconds });
            await BrowserSession.ScreenshotAsync(page, "placement-1400x900");
            await phone.GotoAsync(PlacementPath);
            await Expect(phone.GetByTestId("silo-card")).ToHaveCountAsync(cluster.SiloNames.Count, s_count);
            await BrowserSession.ScreenshotAsync(phone, "placement-390x844");

            var victim = watched.Silo;
            var victimUsers = users.All.Where(u => u.Silo == victim).ToList();
            // The timeline counts what moved against the grains it saw on the silo at its last look before the event;
            // a cart activated a moment before the kill may not have been looked at yet, so wait until every one was.
            await Poll.UntilAsync(() => AllListedOnAsync(victim, victimUsers), s_timeout, $"the operator API to list the {victimUsers.Count} carts on {victim}");
            await cluster.KillSiloAsync(victim);

            await Expect(page.Locator($"[data-testid=silo-card][data-silo='{victim}'][data-status=dead]")).ToHaveCountAsync(1, s_count);
            foreach (var user in victimUsers)
            {
                await GetCartAsync(user);
            }

            var found = page.GetByTestId("found-silo");
            await Expect(found).ToHaveCountAsync(1, s_count);
            await Expect(found).Not.ToHaveTextAsync(victim, new() { Timeout = (float)s_timeout.TotalMilliseconds });
            Assert.Contains(await found.TextContentAsync(), cluster.SiloNames);
            var death = page.Locator($"[data-testid=event][data-kind=declaredDead][data-silo='{victim}']");
            await Expect(death).ToHaveCountAsync(1, s_count);
            // Each of the victim's carts was called again, so it moved; so did the sessions it held (the count of which is the cluster's choice).
            await Poll.UntilAsync(
                async () => int.TryParse(await death.GetAttributeAsync("data-moved"), out var moved) && moved >= victimUsers.Count,
                s_timeout,
                $"the timeline to count at least the {victimUsers.Count} carts of {victim} as moved");
            Assert.True(await page.EvaluateAsync<bool>("() => window.loadedOnce === true"), "the page was not reloaded");
            await BrowserSession.ScreenshotAsync(page, "placement-after-kill");
        });
    }

    private const string PlacementPath = "/dashboard/placement";

    private Task<IPage> OpenAsync(int width = 1400, int height = 900) =>
        Browser.OpenAsync(cluster.OperatorGateway.BaseAddress, "operator", OperatorCluster.OperatorKey, width, height);

    private static async Task WithScreenshotOnFailureAsync(IPage page, string name, Func<Task> test)
    {
        try
        {
            await test();
        }
        catch
        {
            await BrowserSession.ScreenshotAsync(page, name + "-failure");
            throw;
        }
    }

    private async Task<IReadOnlyList<string>> ActiveSiloAddressesAsync()
    {
        using var client = cluster.OperatorGateway.CreateOperatorClient();
        var view = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/cluster", UriKind.Relative));
        return [.. view.GetProperty("silos").EnumerateArray().Where(s => s.GetProperty("status").GetString() == "active").Select(s => s.GetProperty("address").GetString()!)];
    }

    /// <summary>Whether the cluster API lists the cart of each of <paramref name="users"/> on <paramref name="silo"/>.</summary>
    private async Task<bool> AllListedOnAsync(string silo, IEnumerable<WatchedUser> users)
    {
        using var client = cluster.OperatorGateway.CreateOperatorClient();
        var carts = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/cluster/grains?type=cart&silo={Uri.EscapeDataString(silo)}", UriKind.Relative));
        var listed = carts.EnumerateArray().Select(g => g.GetProperty("key").GetString()).ToHashSet(StringComparer.Ordinal);
        return users.All(u => listed.Contains(u.UserId));
    }

    /// <summary>Users with a cart each, and the silo that answered for the cart.</summary>
    private async Task<List<WatchedUser>> WatchedUsersAsync(int count)
    {
        var users = new List<WatchedUser>();
        for (var i = 0; i < count; i++)
        {
            var shop = new ShopClient(cluster.OperatorGateway.CreateClient());
            var userId = $"watched-{i}-{Guid.NewGuid():N}"[..24];
            await shop.SignInAsync(userId);
            using var added = await shop.AddItemAsync("TEA-001", 1);
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            users.Add(new WatchedUser(userId, added.Headers.GetValues("X-Silo").Single(), shop));
        }

        return users;
    }

    private static async Task GetCartAsync(WatchedUser user)
    {
        await Poll.UntilAsync(
            async () =>
            {
                using var cart = await user.Client.GetAsync("/api/cart");
                return cart.StatusCode == HttpStatusCode.OK;
            },
            s_timeout,
            $"the cart of {user.UserId} to be served again");
    }
}
