using System.Reflection;

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Grains.Silo.OpenApi;

/// <summary>
/// The build writes docs/openapi.json by running the silo under the GetDocument tool of
/// Microsoft.Extensions.ApiDescription.Server, which runs the app to read its routes. The document depends on the
/// routes alone, so in that run the silo gets placeholder settings and no hosted service: it connects to no store
/// and joins no cluster.
/// </summary>
public static class BuildTimeDocument
{
    /// <summary>Whether this process is the build's document generator rather than a silo.</summary>
    public static bool IsBeingWritten { get; } =
        string.Equals(Assembly.GetEntryAssembly()?.GetName().Name, "GetDocument.Insider", StringComparison.Ordinal);

    private static readonly Dictionary<string, string?> s_placeholders = new(StringComparer.Ordinal)
    {
        ["Redis:ConnectionString"] = "127.0.0.1:6379",
        ["Api:TokenKey"] = "placeholder-key-for-the-build-time-openapi-document",
    };

    /// <summary>Call after every service is registered; does nothing outside the document generator.</summary>
    public static WebApplicationBuilder PrepareForBuildTimeDocument(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (IsBeingWritten)
        {
            builder.Configuration.AddInMemoryCollection(s_placeholders);
            // The generator runs the host; without hosted services nothing starts (no Orleans, no Kestrel work).
            foreach (var descriptor in builder.Services.Where(d => d.ServiceType == typeof(IHostedService)).ToList())
            {
                builder.Services.Remove(descriptor);
            }
        }

        return builder;
    }
}
