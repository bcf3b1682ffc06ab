using Grains.Hosting.Admission;
using Grains.Shop.Api.Hosting;
using Grains.Silo.Health;
using Microsoft.AspNetCore.Builder;

namespace Grains.Silo.Hosting;

public static class ShopSiloApplicationExtensions
{
    /// <summary>What a shop silo serves over HTTP, behind its bound on concurrent requests: the shop's API and its health.</summary>
    public static WebApplication UseShopSilo(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAdmissionControl();
        app.UseShopApi();
        app.MapSiloHealthChecks();
        return app;
    }
}
