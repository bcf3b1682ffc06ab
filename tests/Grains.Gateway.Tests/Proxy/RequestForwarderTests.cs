using System.Net;
using System.Text;
using Grains.Gateway.Tests.Infrastructure;

namespace Grains.Gateway.Tests.Proxy;

/// <summary>The proxy in front of real backends on loopback: what it sends where, and what it does when a backend fails.</summary>
[Trait("Category", "Integration")]
public sealed class RequestForwarderTests
{
    [Fact]
    public async Task A_request_goes_to_the_first_choice_with_its_body_and_the_clients_address()
    {
        await using var first = await FakeBackend.StartAsync("first");
        await using var second = await FakeBackend.StartAsync("second");
        await using var proxy = await ProxyUnderTest.StartAsync([first.Url, second.Url]);
        using var client = proxy.CreateClient();

        using var response = await client.PostAsync(new Uri("/api/echo", UriKind.Relative), new StringContent("hello", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("first:hello", await response.Content.ReadAsStringAsync());
        Assert.Equal("127.0.0.1", response.Headers.GetValues("X-Seen-Forwarded-For").Single());
        Assert.Equal(0, second.Requests);
    }

    [Fact]
    public async Task The_clients_own_X_Forwarded_For_stays_left_of_the_address_the_proxy_adds()
    {
        await using var backend = await FakeBackend.StartAsync("only");
        await using var proxy = await ProxyUnderTest.StartAsync([backend.Url]);
        using var client = proxy.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/echo", UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", "198.51.100.7");

        using var response = await client.SendAsync(request);

        Assert.Equal("198.51.100.7, 127.0.0.1", response.Headers.GetValues("X-Seen-Forwarded-For").Single());
    }

    [Fact]
    public async Task A_refused_connection_sends_even_an_unsafe_request_to_the_next_choice_at_once()
    {
        await using var second = await FakeBackend.StartAsync("second");
        await using var proxy = await ProxyUnderTest.StartAsync([FakeBackend.Refusing(), second.Url]);
        using var client = proxy.CreateClient();

        using var response = await client.PostAsync(new Uri("/api/echo", UriKind.Relative), new StringContent("add", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("second:add", await response.Content.ReadAsStringAsync());
        Assert.True(proxy.Backends[0].IsRefusing(System.Diagnostics.Stopwatch.GetTimestamp()), "the refusing backend is tried last for a while");
    }

    [Fact]
    public async Task A_request_that_reached_a_backend_that_failed_is_not_repeated_unless_it_is_safe()
    {
        await using var dying = await FakeBackend.StartAsync("dying", FakeBackend.Behaviour.Aborts);
        await using var second = await FakeBackend.StartAsync("second");
        await using var proxy = await ProxyUnderTest.StartAsync([dying.Url, second.Url]);
        using var client = proxy.CreateClient();

        using var post = await client.PostAsync(new Uri("/api/echo", UriKind.Relative), new StringContent("add", Encoding.UTF8, "text/plain"));
        await Problems.AssertProblemAsync(post, HttpStatusCode.ServiceUnavailable);
        Assert.True(post.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(0, second.Requests);

        using var keyed = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/echo", UriKind.Relative)) { Content = new StringContent("add", Encoding.UTF8, "text/plain") };
        keyed.Headers.Add("Idempotency-Key", "k-1");
        using var repeated = await client.SendAsync(keyed);
        Assert.Equal("second:add", await repeated.Content.ReadAsStringAsync());

        using var get = await client.GetAsync(new Uri("/api/echo", UriKind.Relative));
        Assert.Equal("second:", await get.Content.ReadAsStringAsync());
        Assert.Equal(2, second.Requests);
    }

    [Fact]
    public async Task Requests_waiting_for_a_backend_that_departs_are_abandoned_and_a_safe_one_goes_to_the_next_choice()
    {
        await using var paused = await FakeBackend.StartAsync("paused", FakeBackend.Behaviour.Hangs);
        await using var second = await FakeBackend.StartAsync("second");
        await using var proxy = await ProxyUnderTest.StartAsync([paused.Url, second.Url]);
        using var client = proxy.CreateClient();

        var waiting = client.GetAsync(new Uri("/api/echo", UriKind.Relative));
        await Grains.Testing.Poll.UntilAsync(() => paused.Requests == 1, TimeSpan.FromSeconds(30), "the request to reach the paused backend");
        proxy.Backends[0].Depart();

        using var response = await waiting;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("second:", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task With_every_backend_refusing_the_answer_is_503_with_Retry_After_within_the_budget()
    {
        await using var proxy = await ProxyUnderTest.StartAsync(
            [FakeBackend.Refusing(), FakeBackend.Refusing()],
            new Dictionary<string, string?> { ["Proxy:RetryBudget"] = "00:00:01" });
        using var client = proxy.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/echo", UriKind.Relative));

        await Problems.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_and_reaches_no_backend()
    {
        await using var first = await FakeBackend.StartAsync("first");
        await using var proxy = await ProxyUnderTest.StartAsync([first.Url], new Dictionary<string, string?> { ["Proxy:MaxRequestBodyBytes"] = "10" });
        using var client = proxy.CreateClient();

        using var response = await client.PostAsync(new Uri("/api/echo", UriKind.Relative), new StringContent("more than ten bytes", Encoding.UTF8, "text/plain"));

        await Problems.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, first.Requests);
    }

    [Fact]
    public async Task The_backends_locality_header_is_counted_and_taken_off_the_answer()
    {
        await using var first = await FakeBackend.StartAsync("first");
        await using var proxy = await ProxyUnderTest.StartAsync([first.Url]);
        using var client = proxy.CreateClient();

        using var local = await client.GetAsync(new Uri("/api/echo?locality=in-process", UriKind.Relative));
        using var remote = await client.GetAsync(new Uri("/api/echo?locality=remote", UriKind.Relative));
        using var none = await client.GetAsync(new Uri("/api/echo", UriKind.Relative));

        Assert.False(local.Headers.Contains("X-Locality"));
        Assert.False(remote.Headers.Contains("X-Locality"));
        Assert.Equal(1, proxy.Metrics.InProcess);
        Assert.Equal(1, proxy.Metrics.Remote);
    }
}
