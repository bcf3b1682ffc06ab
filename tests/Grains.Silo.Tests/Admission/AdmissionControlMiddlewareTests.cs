using System.Text.Json;
using Grains.Hosting.Admission;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grains.Silo.Tests.Admission;

public sealed class AdmissionControlMiddlewareTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public AdmissionControlMiddlewareTests()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddProblemDetails();
        services.AddSingleton<AdmissionMetrics>();
        _services = services.BuildServiceProvider();
    }

    [Fact]
    public async Task Requests_beyond_the_bound_are_refused_at_once_with_503_and_Retry_After()
    {
        var middleware = Create(new AdmissionOptions { MaxConcurrentRequests = 2 });
        var held = new[] { Context("/api/cart"), Context("/api/cart") };
        var running = held.Select(middleware.InvokeAsync).ToList();

        var refused = Context("/api/cart");
        await middleware.InvokeAsync(refused);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, refused.Response.StatusCode);
        Assert.Equal("1", refused.Response.Headers.RetryAfter.ToString());
        Assert.StartsWith("application/problem+json", refused.Response.ContentType, StringComparison.Ordinal);
        Assert.Equal(503, JsonDocument.Parse(Body(refused)).RootElement.GetProperty("status").GetInt32());
        Assert.Equal(1, _services.GetRequiredService<AdmissionMetrics>().RefusedTotal);
        Assert.All(running, r => Assert.False(r.IsCompleted));

        _release.SetResult();
        await Task.WhenAll(running);
        Assert.All(held, c => Assert.Equal(StatusCodes.Status200OK, c.Response.StatusCode));
    }

    [Fact]
    public async Task A_finished_request_frees_its_place()
    {
        _release.SetResult();
        var middleware = Create(new AdmissionOptions { MaxConcurrentRequests = 1 });
        for (var i = 0; i < 3; i++)
        {
            var context = Context("/api/cart");
            await middleware.InvokeAsync(context);
            Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        }
    }

    [Fact]
    public async Task Health_checks_are_admitted_beyond_the_bound()
    {
        var middleware = Create(new AdmissionOptions { MaxConcurrentRequests = 1 });
        var held = middleware.InvokeAsync(Context("/api/cart"));

        var health = Context("/health/ready");
        var checking = middleware.InvokeAsync(health);
        Assert.False(checking.IsCompleted);

        _release.SetResult();
        await Task.WhenAll(held, checking);
        Assert.Equal(StatusCodes.Status200OK, health.Response.StatusCode);
    }

    [Fact]
    public async Task Turned_off_it_admits_everything()
    {
        var middleware = Create(new AdmissionOptions { Enabled = false, MaxConcurrentRequests = 1 });
        var running = Enumerable.Range(0, 5).Select(_ => Context("/api/cart")).Select(middleware.InvokeAsync).ToList();
        Assert.All(running, r => Assert.False(r.IsCompleted));

        _release.SetResult();
        await Task.WhenAll(running);
        Assert.Equal(0, _services.GetRequiredService<AdmissionMetrics>().RefusedTotal);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(100_001, 1)]
    [InlineData(10, 0)]
    public void Bad_settings_are_refused(int maxConcurrentRequests, int retryAfterSeconds)
    {
        var options = new AdmissionOptions { MaxConcurrentRequests = maxConcurrentRequests, RetryAfter = TimeSpan.FromSeconds(retryAfterSeconds) };
        Assert.True(new AdmissionOptionsValidator().Validate(null, options).Failed);
    }

    [Fact]
    public void The_default_settings_are_valid() =>
        Assert.True(new AdmissionOptionsValidator().Validate(null, new AdmissionOptions()).Succeeded);

    public void Dispose() => _services.Dispose();

    private AdmissionControlMiddleware Create(AdmissionOptions options) =>
        new(async _ => await _release.Task, Options.Create(options), _services.GetRequiredService<AdmissionMetrics>());

    private DefaultHttpContext Context(string path) =>
        new() { RequestServices = _services, Request = { Path = path }, Response = { Body = new MemoryStream() } };

    private static string Body(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return new StreamReader(context.Response.Body).ReadToEnd();
    }
}
