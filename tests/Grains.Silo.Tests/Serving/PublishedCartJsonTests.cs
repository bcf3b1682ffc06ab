using Grains.Shop.Api.GrainCalls;
using Grains.Shop.Api.Hosting;
using Grains.Shop.Contracts.Carts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grains.Silo.Tests.Serving;

/// <summary>A published cart's answer: the bytes <c>TypedResults.Ok</c> writes, rendered once per cart instance.</summary>
public sealed class PublishedCartJsonTests
{
    private static readonly Cart s_cart = new("alice", [new CartItem("TEA-001", "Tea \"green\" <b>", 2, 6.50m, 13.00m), new CartItem("MUG-002", "Mug", 1, 8m, 8m)], 21.00m, 7);

    private readonly ServiceProvider _services = ApiServices();

    [Fact]
    public async Task The_answer_is_what_Ok_of_the_cart_writes()
    {
        var expected = await WriteAsync(TypedResults.Ok(s_cart));

        var actual = await WriteAsync(_services.GetRequiredService<PublishedCartJson>().AnswerFor(s_cart));

        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.ContentType, actual.ContentType);
        Assert.Equal(expected.Body, actual.Body);
        Assert.Equal(actual.Body.Length, actual.ContentLength);
    }

    [Fact]
    public void A_cart_is_rendered_once_and_a_changed_cart_again()
    {
        var json = _services.GetRequiredService<PublishedCartJson>();
        var changed = s_cart with { Version = 8, Items = [], Total = 0m };

        var first = json.AnswerFor(s_cart);

        Assert.Same(first, json.AnswerFor(s_cart));
        var next = json.AnswerFor(changed);
        Assert.NotSame(first, next);
        Assert.Contains("\"version\":8", System.Text.Encoding.UTF8.GetString(next.Utf8.Span), StringComparison.Ordinal);
    }

    private static ServiceProvider ApiServices()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddShopApi(new ConfigurationBuilder().Build());
        return services.BuildServiceProvider();
    }

    private async Task<(int Status, string? ContentType, long? ContentLength, byte[] Body)> WriteAsync(IResult result)
    {
        var context = new DefaultHttpContext { RequestServices = _services };
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, context.Response.ContentType, context.Response.ContentLength, body.ToArray());
    }
}
