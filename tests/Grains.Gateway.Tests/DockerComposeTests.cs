using System.Reflection;
using Grains.Gateway.Hosting;
using Grains.Redis;
using Grains.Runtime.Hosting;
using Grains.Testing;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Grains.Gateway.Tests;

/// <summary>
/// No Docker engine runs here, so docker-compose.yml is checked against the code instead: that it parses, and that
/// its services, build contexts, environment keys and ports are those the silo and gateway executables read.
/// </summary>
public sealed class DockerComposeTests
{
    private static readonly string[] s_silos = ["silo-1", "silo-2", "silo-3"];
    private static readonly string[] s_gateways = ["gateway-1", "gateway-2"];
    private static readonly Lazy<Dictionary<object, object>> s_compose = new(Load);

    private static Dictionary<object, object> Services => Map(s_compose.Value["services"]);

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
        var known = KeysOf(typeof(ClusterOptions), typeof(SiloOptions), typeof(RedisOptions));
        var dockerfile = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", "silo.Dockerfile"));
        foreach (var name in s_silos)
        {
            var service = Map(Services[name]);
            var environment = Environment(service);
            Assert.All(environment.Keys, key => Assert.Contains(key, known));
            Assert.Equal(name, environment["Silo:Name"]);
            var address = (string)Map(Map(service["networks"])["cluster"])["ipv4_address"];
            Assert.Equal(address, environment["Silo:Host"]);
            var port = environment["Silo:Port"];
            Assert.Contains($"/dev/tcp/{address}/{port}", string.Join(' ', List(Map(service["healthcheck"])["test"])), StringComparison.Ordinal);
            Assert.Contains($"EXPOSE {port}", dockerfile, StringComparison.Ordinal);
        }

        Assert.Equal(s_silos.Length, s_silos.Select(s => Environment(Map(Services[s]))["Silo:Host"]).Distinct().Count());
    }

    [Fact]
    public void Gateways_are_configured_only_with_keys_the_gateway_reads_and_share_the_token_key_from_the_environment()
    {
        var known = KeysOf(typeof(ClusterOptions), typeof(RedisOptions), typeof(GatewayOptions));
        foreach (var name in s_gateways)
        {
            var environment = Environment(Map(Services[name]));
            Assert.All(environment.Keys.Where(k => k != "ASPNETCORE_URLS"), key => Assert.Contains(key, known));
            Assert.StartsWith("${GATEWAY_TOKEN_KEY:?", environment["Gateway:TokenKey"], StringComparison.Ordinal);
            Assert.Equal("http://+:8080", environment["ASPNETCORE_URLS"]);
        }
    }

    [Fact]
    public void Every_process_joins_the_same_cluster_on_the_redis_service()
    {
        var environments = s_silos.Concat(s_gateways).Select(s => Environment(Map(Services[s]))).ToList();
        Assert.Single(environments.Select(e => e["Cluster:Id"]).Distinct());
        Assert.All(environments, e => Assert.Equal("redis:6379", e["Redis:ConnectionString"]));
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

    /// <summary>Configuration keys an options type binds, as <c>Section:Property</c>.</summary>
    private static HashSet<string> KeysOf(params Type[] optionTypes) =>
        optionTypes.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => $"{t.GetField("SectionName")!.GetValue(null)}:{p.Name}"))
            .ToHashSet(StringComparer.Ordinal);

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
