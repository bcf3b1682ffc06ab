using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Grains.Shop.Api.Hosting;

/// <summary>
/// Refuses bodies over <see cref="ApiOptions.MaxRequestBodyBytes"/> with 413 before any handler reads them. A body
/// of unknown length (chunked) is read into memory up to the limit, so the check does not depend on the server.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<ApiOptions> options)
{
    private readonly int _limit = options.Value.MaxRequestBodyBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (request.ContentLength > _limit)
        {
            throw TooLarge();
        }

        var canHaveBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? true;
        if (request.ContentLength is null && canHaveBody)
        {
            var buffer = new MemoryStream();
            var chunk = new byte[4096];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > _limit)
                {
                    throw TooLarge();
                }

                buffer.Write(chunk, 0, read);
            }

            buffer.Position = 0;
            request.Body = buffer;
            context.Response.RegisterForDispose(buffer);
        }

        await next(context).ConfigureAwait(false);
    }

    private BadHttpRequestException TooLarge() =>
        new($"The request body is larger than {_limit} bytes.", StatusCodes.Status413PayloadTooLarge);
}
