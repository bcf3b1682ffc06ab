using Grains.Shop.Contracts.Operators;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using Orleans.Serialization.Configuration;

namespace Grains.Gateway.Operators;

public static class OperatorServiceCollectionExtensions
{
    /// <summary>The authorization policy of every operator route: Basic credentials of the operator, nothing else.</summary>
    public const string PolicyName = "Operator";

    /// <summary>
    /// The operator tools' options, their Basic authentication scheme and policy. The routes themselves exist only when
    /// <see cref="OperatorOptions.OperatorKey"/> is set (<see cref="OperatorEndpoints.MapOperatorTools"/>).
    /// </summary>
    public static IServiceCollection AddOperatorTools(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OperatorOptions>().Bind(configuration.GetSection(OperatorOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OperatorOptions>, OperatorOptionsValidator>();
        // No default scheme, although it is the only one (ASP.NET Core's documented switch): WebApplication adds the
        // authentication middleware by itself, which would otherwise build this handler (a SHA-256 of the key among it)
        // for every forwarded request. The operator policy names the scheme, so only the operator routes authenticate.
        AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, OperatorAuthenticationHandler>(OperatorAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(PolicyName, policy => policy
            .AddAuthenticationSchemes(OperatorAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());

        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, OperatorJsonContext.Default));
        if (configuration.GetSection(OperatorOptions.SectionName).Get<OperatorOptions>() is { Enabled: true })
        {
            // Without the key nothing reads the cluster for operators, so it costs nothing (and needs no cluster client).
            services.AddSingleton(sp => new MembershipTimeline(sp.GetRequiredService<IOptions<OperatorOptions>>().Value.EventCapacity));
            services.AddSingleton<ClusterMonitor>();
            services.AddSingleton<DashboardWatchers>();
            services.Configure<TypeManifestOptions>(o => o.AddAllowedType(typeof(DashboardWatchSignal))); // a type argument of its call
            services.AddHostedService(sp => sp.GetRequiredService<ClusterMonitor>());
        }

        return services;
    }

    /// <summary>
    /// The client half of the Orleans dashboard, when the operator key is set (every silo runs the other half). Its log
    /// stream is hidden: the operator tools show ids and counts, and logs may carry more.
    /// </summary>
    public static IClientBuilder AddOperatorDashboard(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.GetSection(OperatorOptions.SectionName).Get<OperatorOptions>() is { Enabled: true, OrleansDashboard: true })
        {
            client.AddDashboard(options => options.HideTrace = true);
        }

        return client;
    }
}
