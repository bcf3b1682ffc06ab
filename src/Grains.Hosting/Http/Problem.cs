using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Hosting.Http;

/// <summary>What a client is told about a failure. Texts are fixed in code; exception messages never reach a client.</summary>
public sealed record Problem(int Status, string Title, string Detail, bool RetryLater = false)
{
    /// <summary>Writes this problem as the response's status and <c>application/problem+json</c> body.</summary>
    public async Task<bool> WriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = Status;
        return await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = Status, Title = Title, Detail = Detail },
        }).ConfigureAwait(false);
    }
}
