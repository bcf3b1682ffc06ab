using System.Diagnostics.Metrics;
using Grains.Proxy.Forwarding;
using Grains.Proxy.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Gateway.Tests.Proxy;

public sealed class ForwardingTransformerTests
{
    [Fact]
    public async Task Without_a_known_client_address_the_clients_X_Forwarded_For_is_not_passed_on()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var transformer = new ForwardingTransformer(new ProxyMetrics(services.GetRequiredService<IMeterFactory>()));
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Headers["X-Forwarded-For"] = "198.51.100.7";
        using var forwarded = new HttpRequestMessage();

        await transformer.TransformRequestAsync(context, forwarded, "http://127.0.0.1:1/", CancellationToken.None);

        Assert.False(forwarded.Headers.Contains("X-Forwarded-For"));
    }
}
