extern alias silo;

using System.Reflection;
using Grains.Gateway.Hosting;
using Grains.Gateway.Operators;
using Grains.Hosting.Cluster;
using Grains.Hosting.Redis;
using Grains.Proxy.Forwarding;
using Grains.Shop.Api.Hosting;
using Grains.Shop.Carts;
using Grains.Shop.Sessions;
using Grains.Testing;
using Microsoft.Extensions.Configuration;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using silo::Grains.Silo.ActivationJournal;
using silo::Grains.Silo.Dashboard;
using silo::Grains.Silo.FailureDetection;
using silo::Grains.Silo.Fencing;
using silo::Grains.Silo.Hosting;
using silo::Grains.Silo.Placement;

namespace Grains.Gateway.Tests;

/// <summary>
/// No Docker engine runs here, so docker-compose.yml is checked against the code instead: that it parses, and that
/// its services, build contexts, environment keys, values and ports are those the silo and gateway executables read
/// and accept. <c>ASPNETCORE_URLS</c> is ASP.NET Core's own key, which both read.
/// </summary>
public sealed class DockerComposeTests
{
    private static readonly string[] s_silos = ["silo-1", "silo-2", "silo-3"];
    private static readonly string[] s_gateways = ["gateway-1", "gateway-2"];
    private static readonly Lazy<Dictionary<object, object>> s_compose = new(Load);

    /// <summary>Every key the silo executable binds: its own options, the API's, the shop's, and the membership overrides.</summary>
    private static readonly HashSet<string> s_siloKeys =
    [
        .. KeysOf(ApiOptions.SectionName, typeof(ApiOptions)),
        .. KeysOf(LocalityOptions.SectionName, typeof(LocalityOptions)),
        .. KeysOf(ClusterIdentityOptions.SectionName, typeof(ClusterIdentityOptions)),
        .. KeysOf(RedisConnectionOptions.SectionName, typeof(RedisConnectionOptions)),
        .. KeysOf(SiloHostOptions.SectionName, typeof(SiloHostOptions)),
        .. KeysOf(FencingOptions.SectionName, typeof(FencingOptions)),
        .. KeysOf(FailureDetectionOptions.SectionName, typeof(FailureDetectionOptions)),
        .. KeysOf(ActivationJournalOptions.SectionName, typeof(ActivationJournalOptions)),
        .. KeysOf(SessionOptions.SectionName, typeof(SessionOptions)),
        .. KeysOf(CartOptions.SectionName, typeof(CartOptions)),
        .. KeysOf(SiloDashboardOptions.SectionName, typeof(SiloDashboardOptions)),
        .. KeysOf(ShopSiloBuilderExtensions.MembershipOverridesSection, typeof(Orleans.Configuration.ClusterMembershipOptions)),
    ];

    /// <summary>Every key the gateway executable binds, besides ASP.NET Core's own <c>ASPNETCORE_URLS</c>.</summary>
    private static readonly HashSet<string> s_gatewayKeys =
    [
        .. KeysOf(ClusterIdentityOptions.SectionName, typeof(ClusterIdentityOptions)),
        .. KeysOf(RedisConnectionOptions.SectionName, typeof(RedisConnectionOptions)),
        .. KeysOf(GatewayOptions.SectionName, typeof(GatewayOptions)),
        .. KeysOf(GatewayOptions.SectionName, typeof(ProxyOptions)),
        .. KeysOf(OperatorOptions.SectionName, typeof(OperatorOptions)),
    ];

    private static Dictionary<object, object> Services => Map(s_compose.Value["services"]);

    private static string ClusterSubnet() =>
        (string)Map(((List<object>)Map(Map(Map(s_compose.Value["networks"])["cluster"])["ipam"])["config"]).Single())["subnet"];

    [Fact]
    public void It_has_redis_three_silos_two_gateways_and_one_proxy_all_with_health_checks()
    {
        Assert.Equal(["gateway-1", "gateway-2", "proxy", "redis", "silo-1", "silo-2", "silo-3"], Services.Keys.Cast<string>().Order(StringComparer.Ordinal));
        Assert.All(Services.Values, service => Assert.True(Map(service).ContainsKey("healthcheck")));
    }

    [Fact]
    public void Redis_keeps_an_append_only_file_on_a_volume()
    {
        var redis = Map(Services["redis"]);
        var command = string.Join(' ', List(redis["command"]));
        Assert.Contains("--appendonly yes", command, StringComparison.Ordinal);
        Assert.Contains(List(redis["volumes"]), v => v.EndsWith(":/data", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("silo-1", "Grains.Silo")]
    [InlineData("gateway-1", "Grains.Gateway")]
    public void Build_contexts_and_Dockerfiles_publish_the_real_projects(string service, string project)
    {
        var build = Map(Map(Services[service])["build"]);
        var context = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, (string)build["context"]));
        Assert.Equal(Path.TrimEndingDirectorySeparator(RepositoryPaths.Root), Path.TrimEndingDirectorySeparator(context));
        var dockerfile = File.ReadAllText(Path.Combine(context, (string)build["dockerfile"]));
        Assert.True(File.Exists(Path.Combine(context, "src", project, $"{project}.csproj")));
        Assert.Contains($"dotnet publish src/{project}/{project}.csproj", dockerfile, StringComparison.Ordinal);
        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{project}.dll\"]", dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void Silos_are_configured_only_with_keys_the_silo_reads_and_agree_on_ports_and_addresses()
    {
        var exposed = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "deploy", "silo.Dockerfile"))
            .Where(line => line.StartsWith("EXPOSE ", StringComparison.Ordinal))
            .SelectMany(line => line["EXPOSE ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        foreach (var name in s_silos)
        {
            var service = Map(Services[name]);
            var environment = Environment(service);
            Assert.All(
                environment.Keys.Where(k => k != "ASPNETCORE_URLS"),
                key => Assert.True(s_siloKeys.Contains(key), $"{name}: the silo reads no key {key}"));
            Assert.Equal(name, environment["Silo:Name"]);

            // Every silo serves the API on 8080 and checks tokens with the key from the operator's environment.
            Assert.Equal("http://+:8080", environment["ASPNETCORE_URLS"]);
            Assert.StartsWith("${API_TOKEN_KEY:?", environment["Api:TokenKey"], StringComparison.Ordinal);
            environment["Api:TokenKey"] = new string('k', ApiOptionsValidator.MinTokenKeyLength);
            Assert.True(new ApiOptionsValidator().Validate(null, Bind<ApiOptions>(environment, ApiOptions.SectionName)).Succeeded, $"{name}: Api settings the silo refuses");

            // nginx and the gateways reach the silos over the cluster network: X-Forwarded-For is believed from it, two
            // hops deep (nginx adds the client, a gateway adds nginx), so that each client is limited on its own address.
            Assert.Equal(ClusterSubnet(), environment["Api:ClientAddress:TrustedProxies"]);
            Assert.Equal("2", environment["Api:ClientAddress:ForwardLimit"]);

            // Peers and gateways dial the address a silo publishes in the membership table, so it must be the silo's own.
            var address = (string)Map(Map(service["networks"])["cluster"])["ipv4_address"];
            Assert.Equal(address, environment["Silo:AdvertisedHost"]);
            var healthCheck = string.Join(' ', List(Map(service["healthcheck"])["test"]));
            foreach (var port in new[] { environment["Silo:Port"], environment["Silo:GatewayPort"], "8080" })
            {
                Assert.True(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture) > 0, $"{name}: a container needs fixed ports, not {port}");
                Assert.Contains($"/dev/tcp/{address}/{port}", healthCheck, StringComparison.Ordinal);
                Assert.Contains(port, exposed);
            }

            var options = Bind<SiloHostOptions>(environment, SiloHostOptions.SectionName);
            Assert.True(new SiloHostOptionsValidator().Validate(null, options).Succeeded, $"{name}: Silo settings the silo refuses");
        }

        Assert.Equal(s_silos.Length, s_silos.Select(s => Environment(Map(Services[s]))["Silo:AdvertisedHost"]).Distinct().Count());
    }

    [Fact]
    public void Gateways_are_configured_only_with_keys_the_gateway_reads_and_hold_no_token_key()
    {
        foreach (var name in s_gateways)
        {
            var environment = Environment(Map(Services[name]));
            Assert.All(
                environment.Keys.Where(k => k != "ASPNETCORE_URLS"),
                key => Assert.True(s_gatewayKeys.Contains(key), $"{name}: the gateway reads no key {key}"));
            Assert.DoesNotContain(environment.Keys, key => key.Contains("TokenKey", StringComparison.Ordinal));
            Assert.Equal("http://+:8080", environment["ASPNETCORE_URLS"]);
            var options = Bind<GatewayOptions>(environment, GatewayOptions.SectionName);
            Assert.True(new GatewayOptionsValidator().Validate(null, options).Succeeded, $"{name}: Gateway settings the gateway refuses");
            var proxy = Bind<ProxyOptions>(environment, GatewayOptions.SectionName);
            Assert.True(new ProxyOptionsValidator(GatewayOptions.SectionName).Validate(null, proxy).Succeeded, $"{name}: Gateway settings the proxy refuses");

            // The operator tools are on, with the key from the operator's environment.
            Assert.StartsWith("${OPERATOR_KEY:?", environment["Dashboard:OperatorKey"], StringComparison.Ordinal);
            environment["Dashboard:OperatorKey"] = new string('o', OperatorOptionsValidator.MinKeyLength);
            var operators = Bind<OperatorOptions>(environment, OperatorOptions.SectionName);
            Assert.True(operators.Enabled && new OperatorOptionsValidator().Validate(null, operators).Succeeded, $"{name}: Dashboard settings the gateway refuses");
        }
    }

    [Fact]
    public void Every_process_joins_the_same_cluster_on_the_redis_service()
    {
        var environments = s_silos.Concat(s_gateways).Select(s => Environment(Map(Services[s]))).ToList();
        Assert.Single(environments.Select(e => e["Cluster:Id"]).Distinct());
        Assert.All(environments, e => Assert.Equal("redis:6379", e["Redis:ConnectionString"]));
        Assert.All(environments, e =>
        {
            Assert.True(new ClusterIdentityOptionsValidator().Validate(null, Bind<ClusterIdentityOptions>(e, ClusterIdentityOptions.SectionName)).Succeeded);
            Assert.True(new RedisConnectionOptionsValidator().Validate(null, Bind<RedisConnectionOptions>(e, RedisConnectionOptions.SectionName)).Succeeded);
        });
    }

    [Fact]
    public void Gateways_start_after_a_silo_is_healthy()
    {
        foreach (var name in s_gateways)
        {
            var dependsOn = Map(Map(Services[name])["depends_on"]);
            Assert.Contains(dependsOn, d => s_silos.Contains((string)d.Key) && (string)Map(d.Value)["condition"] == "service_healthy");
        }
    }

    [Fact]
    public void One_published_port_reaches_both_gateways_through_the_proxy()
    {
        var proxy = Map(Services["proxy"]);
        var published = Assert.Single(List(proxy["ports"]));
        Assert.Equal("8080:80", published);
        var nginx = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", "nginx.conf"));
        Assert.Contains("listen 80;", nginx, StringComparison.Ordinal);
        foreach (var gateway in s_gateways)
        {
            Assert.Contains($"server {gateway}:8080", nginx, StringComparison.Ordinal);
        }

        Assert.Contains(List(proxy["volumes"]), v => v.StartsWith("./deploy/nginx.conf:", StringComparison.Ordinal));
    }

    /// <summary>The check above is only as good as its lists of keys: keys retired from the executables are not in them.</summary>
    [Theory]
    [InlineData("Silo:Host")]
    [InlineData("Redis:RecordActivations")]
    [InlineData("Membership:HeartbeatInterval")]
    [InlineData("Gateway:MaxRetries")]
    [InlineData("Gateway:HostSilo")]
    [InlineData("Gateway:TokenKey")]
    [InlineData("Gateway:InFlightGrace")]
    public void A_key_the_executables_no_longer_read_is_not_taken_for_one_they_read(string retired)
    {
        Assert.DoesNotContain(retired, s_siloKeys);
        Assert.DoesNotContain(retired, s_gatewayKeys);
    }

    [Fact]
    public void The_lists_of_keys_hold_the_keys_the_executables_require()
    {
        Assert.All(
            new[] { "Redis:ConnectionString", "Cluster:Id", "Silo:Name", "Silo:Port", "Silo:GatewayPort", "Silo:AdvertisedHost", "Api:TokenKey", "Api:RateLimit:TokenLimit" },
            key => Assert.Contains(key, s_siloKeys));
        Assert.All(
            new[] { "Redis:ConnectionString", "Cluster:Id", "Gateway:SiloListRefreshPeriod", "Gateway:RetryBudget" },
            key => Assert.Contains(key, s_gatewayKeys));
    }

    /// <summary>
    /// The configuration keys an options type binds under <paramref name="section"/>, as <c>Section:Property</c>, and
    /// <c>Section:Property:Inner</c> for the properties of a nested options object of this project.
    /// </summary>
    private static IEnumerable<string> KeysOf(string section, Type optionsType) =>
        optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite || IsNestedOptions(p.PropertyType))
            .SelectMany(p => IsNestedOptions(p.PropertyType) ? KeysOf($"{section}:{p.Name}", p.PropertyType) : [$"{section}:{p.Name}"]);

    private static bool IsNestedOptions(Type type) =>
        type.IsClass && type != typeof(string) && type.Assembly.GetName().Name!.StartsWith("Grains.", StringComparison.Ordinal);

    private static T Bind<T>(Dictionary<string, string> environment, string section)
        where T : class, new() =>
        new ConfigurationBuilder().AddInMemoryCollection(environment.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value))).Build()
            .GetSection(section).Get<T>() ?? new T();

    /// <summary>Environment variables as configuration keys: <c>A__B</c> is <c>A:B</c>.</summary>
    private static Dictionary<string, string> Environment(Dictionary<object, object> service) =>
        Map(service["environment"]).ToDictionary(p => ((string)p.Key).Replace("__", ":", StringComparison.Ordinal), p => (string)p.Value, StringComparer.Ordinal);

    private static Dictionary<object, object> Map(object node) => Assert.IsType<Dictionary<object, object>>(node);

    private static List<string> List(object node) => [.. Assert.IsType<List<object>>(node).Cast<string>()];

    private static Dictionary<object, object> Load()
    {
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, "docker-compose.yml"));
        return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
    }
}
