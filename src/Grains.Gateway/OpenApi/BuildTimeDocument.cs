using System.Reflection;

namespace Grains.Gateway.OpenApi;

/// <summary>
/// The build writes docs/openapi.json by running the gateway under the GetDocument tool of
/// Microsoft.Extensions.ApiDescription.Server, which starts the app without serving requests. The document depends on
/// the routes alone, so in that run the gateway gets placeholder settings and starts none of its own background
/// services: it connects to no store and no cluster.
/// </summary>
public static class BuildTimeDocument
{
    /// <summary>Whether this process is the build's document generator rather than a gateway.</summary>
    public static bool IsBeingWritten { get; } =
        string.Equals(Assembly.GetEntryAssembly()?.GetName().Name, "GetDocument.Insider", StringComparison.Ordinal);

    private static readonly Dictionary<string, string?> s_placeholders = new(StringComparer.Ordinal)
    {
        ["Redis:ConnectionString"] = "127.0.0.1:6379",
        ["Gateway:TokenKey"] = "placeholder-key-for-the-build-time-openapi-document",
    };

    /// <summary>Call after every service is registered; does nothing outside the document generator.</summary>
    public static WebApplicationBuilder PrepareForBuildTimeDocument(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (IsBeingWritten)
        {
            builder.Configuration.AddInMemoryCollection(s_placeholders);
            var gatewayAssembly = typeof(BuildTimeDocument).Assembly;
            var own = builder.Services
                .Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory?.Method.DeclaringType?.Assembly == gatewayAssembly)
                .ToList();
            foreach (var descriptor in own)
            {
                builder.Services.Remove(descriptor);
            }
        }

        return builder;
    }
}
