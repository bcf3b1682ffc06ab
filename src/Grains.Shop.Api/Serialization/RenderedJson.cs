namespace Grains.Shop.Api.Serialization;

/// <summary>
/// A 200 answer whose JSON body was rendered to UTF-8 beforehand, written as it is, with its length: the same bytes and
/// content type as <c>TypedResults.Ok</c> of the value, without serializing it again for every request.
/// </summary>
public sealed class RenderedJson(byte[] utf8) : IResult
{
    private const string ContentType = "application/json; charset=utf-8";

    public ReadOnlyMemory<byte> Utf8 => utf8;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = utf8.Length;
        return response.Body.WriteAsync(utf8, httpContext.RequestAborted).AsTask();
    }
}
