using Grains.Hosting.Admission;
using Grains.Hosting;
using Grains.Hosting.Cluster;
using Grains.Hosting.Redis;
using Grains.Hosting.Telemetry;
using Grains.Shop.Api.GrainCalls;
using Grains.Shop.Api.Hosting;
using Grains.Shop.Api.Telemetry;
using Grains.Shop.Contracts.Operators;
using Grains.Shop.Contracts.Serving;
using Grains.Shop.Hosting;
using Grains.Shop.Placement;
using Grains.Shop.Storage;
using Grains.Silo.ActivationJournal;
using Grains.Silo.Dashboard;
using Grains.Silo.FailureDetection;
using Grains.Silo.Fencing;
using Grains.Silo.Health;
using Grains.Silo.Placement;
using Grains.Silo.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Persistence;
using Orleans.Providers;
using Orleans.Runtime.Placement;
using Orleans.Serialization.Configuration;

namespace Grains.Silo.Hosting;

/// <summary>
/// The one place where a shop silo is configured: which Orleans providers it uses and every Orleans option the
/// project sets, each with the reason (docs/runtime.md has the measurements behind them).
/// </summary>
public static class ShopSiloBuilderExtensions
{
    /// <summary>The configuration section whose keys override the Orleans membership settings below, for experiments.</summary>
    public const string MembershipOverridesSection = "Orleans:Membership";

    /// <summary>
    /// Makes this host a shop silo that serves the shop's HTTP API next to its grains: Orleans with Redis clustering,
    /// Redis grain storage as readable JSON, the grain directory chosen by <c>Silo:GrainDirectory</c>, the shop's grains
    /// placed on their user's silo, and this project's additions (the lease, proof of death by refused connections,
    /// silo tags on answers, the activation journal when configured); and the API, which calls the grains in-process.
    /// </summary>
    /// <exception cref="OptionsValidationException">A key of <c>Silo</c> has a bad value.</exception>
    public static WebApplicationBuilder AddShopSilo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;
        services.AddClusterIdentity(configuration);
        services.AddOptions<SiloHostOptions>().Bind(configuration.GetSection(SiloHostOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SiloHostOptions>, SiloHostOptionsValidator>());
        services.TryAddSingleton(sp => ResolveEndpoints(sp.GetRequiredService<IOptions<SiloHostOptions>>().Value));

        // The directory must be chosen while the silo is being built, so this section is read (and checked) now.
        var silo = BindSiloHostOptions(configuration.GetSection(SiloHostOptions.SectionName));
        if (new SiloHostOptionsValidator().Validate(null, silo) is { Failed: true } invalid)
        {
            throw new OptionsValidationException(SiloHostOptions.SectionName, typeof(SiloHostOptions), invalid.Failures);
        }

        // Without --urls the silo serves HTTP on a free port of its advertised address, as it does for its Orleans
        // ports: the gateways learn the port from Redis.
        if (string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey]) && !configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls($"http://{silo.AdvertisedHost}:0");
        }

        services.AddShopApi(configuration);
        services.AddAdmissionControl(configuration);
        services.AddSingleton<HttpEndpointPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<HttpEndpointPublisher>());
        services.AddSiloHealthChecks();

        // Orleans' meter, the API's, admission's and ASP.NET Core's, pushed over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set.
        services.AddMetricsExport(configuration, "grains-silo", [ApiMetrics.MeterName, AdmissionMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"]);

        builder.UseOrleans(orleans => orleans
            .UseShopCluster(configuration, silo.GrainDirectory)
            .AddShop(configuration)
            .AddShopRedisStorage()
            .AddUserPlacement(configuration)
            .AddShopFilters(configuration)
            .AddFencing(configuration)
            .AddRefusedConnectionDetector(configuration)
            .AddShopDashboard(configuration));
        return builder;
    }

    /// <summary>
    /// The shop's grains on their user's silo (<see cref="UserPlacementDirector"/>), and the <see cref="LocalityKeeper"/>
    /// that moves them there when the membership changes (<c>Locality</c>).
    /// </summary>
    public static ISiloBuilder AddUserPlacement(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var services = silo.Services;
        silo.AddPlacementDirector<UserPlacement, UserPlacementDirector>();
        services.AddOptions<LocalityOptions>().Bind(configuration.GetSection(LocalityOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LocalityOptions>, LocalityOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<UserGrainActivations>();
        services.AddSingleton<IConfigureGrainContextProvider>(sp => sp.GetRequiredService<UserGrainActivations>());
        services.AddSingleton<LocalityKeeper>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<LocalityKeeper>());
        return silo;
    }

    /// <summary>The silo's half of the Orleans dashboard (<c>Dashboard:Enabled</c>, on by default); gateways serve its pages.</summary>
    public static ISiloBuilder AddShopDashboard(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var services = silo.Services;
        services.AddOptions<SiloDashboardOptions>().Bind(configuration.GetSection(SiloDashboardOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SiloDashboardOptions>, SiloDashboardOptionsValidator>());
        if (configuration.GetSection(SiloDashboardOptions.SectionName).Get<SiloDashboardOptions>() is { Enabled: false })
        {
            return silo;
        }

        // While someone watches, every silo samples its runtime statistics for the dashboard every
        // Dashboard:CounterUpdateInterval (5 s) instead of every second. Grain-method profiling keeps the dashboard's
        // default: on only for a minute after someone last looked.
        silo.AddDashboard();
        services.AddOptions<DashboardOptions>().Configure<IOptions<SiloDashboardOptions>>(
            (dashboard, shop) => dashboard.CounterUpdateIntervalMs = (int)shop.Value.CounterUpdateInterval.TotalMilliseconds);

        // The dashboard's silo host exports every Orleans meter each second, its profiler wakes each second, and its
        // silo service samples the silo's statistics, watched or not; here all three happen only while a gateway
        // signals a watching operator (docs/dashboard.md, "Cost").
        var timedParts = DashboardTimedParts.Find(services);
        services.AddSingleton<DashboardWatchSignal>();
        services.Configure<TypeManifestOptions>(o => o.AddAllowedType(typeof(DashboardWatchSignal))); // named in the gateway's call
        services.AddKeyedSingleton<IControllable>(DashboardWatchSignal.ProviderName, (sp, _) => sp.GetRequiredService<DashboardWatchSignal>());
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<DashboardCountersSwitch>(sp, timedParts));
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<DashboardCountersSwitch>());
        services.AddSingleton<IOutgoingGrainCallFilter, UnwatchedStatisticsFilter>();
        return silo;
    }

    /// <exception cref="OptionsValidationException">A value does not convert to its property's type (a port that is not a number).</exception>
    private static SiloHostOptions BindSiloHostOptions(IConfigurationSection section)
    {
        try
        {
            return section.Get<SiloHostOptions>() ?? new SiloHostOptions();
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message names the key and the value; this section holds no secret.
            throw new OptionsValidationException(SiloHostOptions.SectionName, typeof(SiloHostOptions), [ex.Message]);
        }
    }

    /// <exception cref="OptionsValidationException">The advertised host does not resolve.</exception>
    private static SiloEndpoints ResolveEndpoints(SiloHostOptions options)
    {
        try
        {
            return SiloEndpoints.Resolve(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new OptionsValidationException(SiloHostOptions.SectionName, typeof(SiloHostOptions), [ex.Message]);
        }
    }

    /// <summary>Cluster identity, endpoints, Redis membership, the grain directory and the membership timings.</summary>
    public static ISiloBuilder UseShopCluster(this ISiloBuilder silo, IConfiguration configuration, GrainDirectoryKind directory)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var services = silo.Services;
        services.AddRedisClusterMembership();
        services.AddOptions<EndpointOptions>().Configure<SiloEndpoints>((orleans, endpoints) =>
        {
            orleans.AdvertisedIPAddress = endpoints.Address;
            orleans.SiloPort = endpoints.SiloPort;
            orleans.GatewayPort = endpoints.GatewayPort;
            orleans.SiloListeningEndpoint = new(endpoints.Address, endpoints.SiloPort);
            orleans.GatewayListeningEndpoint = new(endpoints.Address, endpoints.GatewayPort);
        });
        services.AddOptions<SiloOptions>().Configure<SiloEndpoints>((orleans, endpoints) => orleans.SiloName = endpoints.Name);

        silo.UseRedisClustering(_ => { });

        if (directory == GrainDirectoryKind.Redis)
        {
            silo.UseRedisGrainDirectoryAsDefault(options => options.Configure<SharedRedis, IOptions<RedisConnectionOptions>>((orleans, redis, connection) =>
            {
                orleans.ConfigurationOptions = SharedRedis.ParseConfiguration(connection.Value.ConnectionString!);
                orleans.CreateMultiplexer = _ => redis.GetSharedAsync();
            }));
        }

        // The shop's user grains have a placement of their own (AddUserPlacement). Any other grain is spread evenly:
        // Orleans' default, resource-optimized placement, sends new activations to the least loaded silo, and on one
        // shared machine it put nearly all of them on the newest silo, so that one crash took most of them with it.
        services.AddSingleton<PlacementStrategy, RandomPlacement>();

        services.Configure<ClusterMembershipOptions>(options =>
        {
            // Orleans' defaults declare a killed silo dead after 11-14 s on this machine; these make it 0.7-1.1 s, and
            // a silent (paused) one about 2 s, without false deaths under load (docs/runtime.md, "Failure detection").
            // A probe times out after 1 s, and never faster: the adaptive timeout may grow under load (up to
            // MaxProbeTimeout) but not shrink below 1 s, which keeps the quickest death at 2 x 1 s, what the lease needs.
            options.ProbeTimeout = TimeSpan.FromSeconds(1);
            options.MinProbeTimeout = TimeSpan.FromSeconds(1);
            options.MaxProbeTimeout = TimeSpan.FromSeconds(2);

            // Two missed probes in a row make a suspicion, and one suspicion is enough: with three silos, waiting for
            // a second voter doubles the detection time while a false vote costs one silo restart, not safety.
            options.NumMissedProbesLimit = 2;
            options.NumVotesForDeathDeclaration = 1;
            options.NumProbedSilos = 2;

            // A paused process keeps its sockets open, and with this check on Orleans does not vote while the
            // connection carried any message in the last MaxProbeTimeout x NumMissedProbesLimit: a pause then takes
            // over 8 s to detect. Probes alone decide here.
            options.EnableConnectionLivenessCheck = false;

            // Every silo rereads the table at least this often, the fallback when a gossip message is lost.
            options.TableRefreshTimeout = TimeSpan.FromSeconds(2);

            // A silo whose own IAmAlive is this stale is not asked to judge others; the default is 30 s.
            options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
        });
        services.Configure<ClusterMembershipOptions>(configuration.GetSection(MembershipOverridesSection));

        // A call to a silo that dies is broken as soon as the silo is declared dead (about a second here); a call that
        // no failure reaches waits this long instead of Orleans' 30 s, within a request's retry budget.
        services.Configure<SiloMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(5));
        return silo;
    }

    /// <summary>
    /// Redis grain storage under <see cref="ShopStorage.Name"/> (carts, orders) and <see cref="SessionStorage.Name"/>
    /// (sessions), both written as the JSON of <see cref="ShopStateSerializer"/>.
    /// </summary>
    public static ISiloBuilder AddShopRedisStorage(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.AddRedisGrainStorage(ShopStorage.Name, options => options.Configure<SharedRedis, IOptions<RedisConnectionOptions>>(
            (orleans, redis, connection) => UseSharedRedis(orleans, redis, connection.Value)));
        return silo.AddRedisGrainStorage(SessionStorage.Name, options => options.Configure<SharedRedis, IOptions<RedisConnectionOptions>, IOptions<Grains.Shop.Sessions.SessionOptions>>(
            (orleans, redis, connection, sessions) =>
            {
                UseSharedRedis(orleans, redis, connection.Value);

                // Orleans warns that an expiry on grain state is for test environments: a key that expires under a
                // live activation makes its next write fail, and the next activation finds no state. For a session
                // that is the wanted end: its key outlives it by design (SessionStorage.Expiry), the stale write is
                // refused by the etag, and "no state" reads as an unknown session, refused with 401. It is set on
                // sessions only; carts and orders never expire (docs/redis-keys.md).
                orleans.EntryExpiry = SessionStorage.Expiry(sessions.Value);

                // A revoked or expired session is deleted (the same etag-checked script), not left as an empty record.
                orleans.DeleteStateOnClear = true;
            }));
    }

    private static void UseSharedRedis(RedisStorageOptions orleans, SharedRedis redis, RedisConnectionOptions connection)
    {
        orleans.ConfigurationOptions = SharedRedis.ParseConfiguration(connection.ConnectionString!);
        orleans.CreateMultiplexer = _ => redis.GetSharedAsync();
        orleans.GrainStorageSerializer = new ShopStateSerializer();
    }

    /// <summary>
    /// The incoming call filters, outermost first: silo tags on answers to clients (the API in this process is one),
    /// storage failures as a type callers know, then the activation journal when <c>ActivationJournal:Directory</c> is
    /// set. The lease filter (<see cref="AddFencing"/>) runs inside all of them. The outgoing filter reads the tags off
    /// the API's calls.
    /// </summary>
    public static ISiloBuilder AddShopFilters(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.AddOutgoingGrainCallFilter<SiloTagFilter>();
        silo.AddIncomingGrainCallFilter<SiloTaggingFilter>();
        silo.AddIncomingGrainCallFilter<StorageFailureFilter>();
        var journal = configuration.GetSection(ActivationJournalOptions.SectionName).Get<ActivationJournalOptions>();
        if (journal?.Directory is { Length: > 0 } directory)
        {
            silo.Services.AddSingleton(sp => new ActivationJournalWriter(directory, sp.GetRequiredService<ILocalSiloDetails>().Name));
            silo.AddIncomingGrainCallFilter<ActivationJournalFilter>();
        }

        return silo;
    }

    /// <summary>
    /// The lease every grain call needs (<c>Fencing</c>), unless <c>Fencing:Enabled</c> is false: a silo without it
    /// serves no grain call and sends none.
    /// </summary>
    public static ISiloBuilder AddFencing(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var services = silo.Services;
        services.AddOptions<FencingOptions>().Bind(configuration.GetSection(FencingOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FencingOptions>, FencingOptionsValidator>());
        if (configuration.GetSection(FencingOptions.SectionName).Get<FencingOptions>() is { Enabled: false })
        {
            return silo;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SiloLease>();
        services.AddSingleton<IServingLease>(sp => sp.GetRequiredService<SiloLease>());
        services.AddSingleton<SiloLeaseRenewer>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SiloLeaseRenewer>());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, LapsedLeaseDetector>();
        silo.AddIncomingGrainCallFilter<LeaseCallFilter>();
        silo.AddOutgoingGrainCallFilter<LeaseOutgoingCallFilter>();
        return silo;
    }

    /// <summary>Declares peers dead when their silo port refuses connections (<c>FailureDetection</c>).</summary>
    public static ISiloBuilder AddRefusedConnectionDetector(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var services = silo.Services;
        services.AddOptions<FailureDetectionOptions>().Bind(configuration.GetSection(FailureDetectionOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FailureDetectionOptions>, FailureDetectionOptionsValidator>());
        services.AddSingleton<RefusedConnectionDetector>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<RefusedConnectionDetector>());
        return silo;
    }
}
