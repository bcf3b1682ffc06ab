namespace Grains.Shop.Api.GrainCalls;

/// <summary>Begins each request's <see cref="ServingSilo"/>, so that every grain call it makes, the session check's included, is recorded.</summary>
public sealed class ServingSiloMiddleware(RequestDelegate next, TimeProvider time)
{
    public Task InvokeAsync(HttpContext context)
    {
        ServingSilo.Begin(context, time);
        return next(context);
    }
}
