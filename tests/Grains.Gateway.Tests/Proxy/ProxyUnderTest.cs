using Grains.Proxy.Backends;
using Grains.Proxy.Hosting;
using Grains.Proxy.Routing;
using Grains.Proxy.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grains.Gateway.Tests.Proxy;

/// <summary>
/// The proxy (Grains.Proxy) as the gateway composes it, on a free loopback port, in front of a fixed list of backends
/// tried in the order given (a policy that ranks them as listed), with settings of the test's own.
/// </summary>
public sealed class ProxyUnderTest : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProxyUnderTest(WebApplication app, IReadOnlyList<Backend> backends)
    {
        _app = app;
        Backends = backends;
    }

    public IReadOnlyList<Backend> Backends { get; }

    public ProxyMetrics Metrics => _app.Services.GetRequiredService<ProxyMetrics>();

    public static async Task<ProxyUnderTest> StartAsync(IEnumerable<Uri> backends, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        List<Backend> list = [.. backends.Select((url, i) => new Backend($"b{i}", url, $"backend-{i}"))];
        builder.Services.AddProxy(builder.Configuration.GetSection("Proxy"), "Proxy");
        builder.Services.AddSingleton<IBackendSource>(new StaticBackendSource(list));
        builder.Services.AddSingleton<IBackendPolicy, InOrder>();
        var app = builder.Build();
        app.MapForwarded("/api/{**rest}");
        await app.StartAsync();
        return new ProxyUnderTest(app, list);
    }

    public HttpClient CreateClient() => new()
    {
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()),
        Timeout = TimeSpan.FromSeconds(60),
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Every request tries the backends in the order they were listed.</summary>
    private sealed class InOrder : IBackendPolicy
    {
        public int[] Rank(Microsoft.AspNetCore.Http.HttpContext context, IReadOnlyList<Backend> backends) => [.. Enumerable.Range(0, backends.Count)];
    }
}
