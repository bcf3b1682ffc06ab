using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grains.Hosting.Admission;

public static class AdmissionControlExtensions
{
    /// <summary>The bound on concurrent requests (section <c>Admission</c>), validated at start.</summary>
    public static IServiceCollection AddAdmissionControl(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AdmissionOptions>().Bind(configuration.GetSection(AdmissionOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdmissionOptions>, AdmissionOptionsValidator>();
        services.AddSingleton<AdmissionMetrics>();
        return services;
    }

    /// <summary>Put it first, after the exception handler: a refused request should cost as little as possible.</summary>
    public static IApplicationBuilder UseAdmissionControl(this IApplicationBuilder app) => app.UseMiddleware<AdmissionControlMiddleware>();
}
