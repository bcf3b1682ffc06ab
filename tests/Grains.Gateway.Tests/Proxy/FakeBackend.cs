using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grains.Gateway.Tests.Proxy;

/// <summary>
/// A backend on a free loopback port for the proxy's tests: <c>/api/echo</c> answers 200 with its name (and, on
/// <c>?locality=</c>, that <c>X-Locality</c>) and echoes the body and the forwarded-for header; a backend started
/// <see cref="Behaviour.Hangs"/> never answers (a paused server), one started <see cref="Behaviour.Aborts"/> drops the
/// connection after reading the request (a server that died with it). It counts what reached it.
/// </summary>
public sealed class FakeBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private FakeBackend(string name, WebApplication app)
    {
        Name = name;
        _app = app;
    }

    public string Name { get; }

    public Uri Url => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Requests that reached this backend.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public enum Behaviour
    {
        Answers,
        Hangs,
        Aborts,
    }

    public static async Task<FakeBackend> StartAsync(string name, Behaviour behaviour = Behaviour.Answers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var backend = new FakeBackend(name, app);
        app.Use((context, next) =>
        {
            Interlocked.Increment(ref backend._requests);
            return next(context);
        });
        app.MapMethods("/api/echo", [HttpMethods.Get, HttpMethods.Post], async (HttpContext context) =>
        {
            if (behaviour == Behaviour.Hangs)
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }

            if (behaviour == Behaviour.Aborts)
            {
                await context.Request.Body.CopyToAsync(Stream.Null);
                context.Abort();
                return;
            }

            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            context.Response.Headers["X-Backend"] = name;
            context.Response.Headers["X-Seen-Forwarded-For"] = context.Request.Headers["X-Forwarded-For"].ToString();
            if (context.Request.Query["locality"].ToString() is { Length: > 0 } locality)
            {
                context.Response.Headers["X-Locality"] = locality;
            }

            await context.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"{name}:{body}"));
        });
        await app.StartAsync();
        return backend;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public override string ToString() => $"{Name} ({Url})";

    /// <summary>A loopback URL nothing listens on: connections to it are refused.</summary>
    public static Uri Refusing() => new(string.Create(CultureInfo.InvariantCulture, $"http://{IPAddress.Loopback}:{Grains.Testing.FreePort.Next()}/"));
}
