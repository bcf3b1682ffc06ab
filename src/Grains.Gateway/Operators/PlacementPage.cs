using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grains.Gateway.Operators;

/// <summary>
/// The placement view at <c>/dashboard/placement</c>: one self-contained page (embedded in the gateway), fed by the
/// event stream of <see cref="ClusterApi"/>. It draws every silo with its grains, finds a user's grains and shows the
/// membership timeline.
/// </summary>
public static class PlacementPage
{
    public const string Path = "/dashboard/placement";

    private static readonly Lazy<byte[]> s_html = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("placement.html")
            ?? throw new InvalidOperationException("The placement page is not embedded in the gateway.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static RouteHandlerBuilder MapPlacementPage(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, GetPage).ExcludeFromDescription().RequireAuthorization(OperatorServiceCollectionExtensions.PolicyName);

    public static FileContentHttpResult GetPage(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(s_html.Value, "text/html; charset=utf-8");
    }
}
