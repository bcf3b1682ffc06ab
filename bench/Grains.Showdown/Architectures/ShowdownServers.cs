using System.Globalization;
using System.Security.Cryptography;
using Grains.Hosting.Cluster;
using Grains.Testing;
using StackExchange.Redis;

namespace Grains.Showdown.Architectures;

/// <summary>
/// Starts the processes of the architectures: Grains.Showdown.Server as API servers (stateful, stateless, or Orleans
/// clients) and as the proxy in front of them; the product's silos and gateway.
/// </summary>
internal static class ShowdownServers
{
    private const string Project = "Grains.Showdown.Server";
    private static readonly TimeSpan s_joinTimeout = TimeSpan.FromSeconds(180);

    /// <summary>Where the server was built alongside this tool (bench/, in the same configuration).</summary>
    public static string Assembly => Path.Combine(RepositoryPaths.Root, "bench", Project, "bin", RepositoryPaths.Configuration, "net10.0", Project + ".dll") is var path && File.Exists(path)
        ? path
        : throw new FileNotFoundException($"{Project} is not built at {path}; build the solution first.", path);

    /// <summary>A fresh token key per architecture, passed in the environment so that it never shows on a command line.</summary>
    public static string NewTokenKey() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Two API servers, routes "a" and "b", each on its own port; returns their routes and URLs once both answer.</summary>
    public static async Task<IReadOnlyList<(string Route, Uri Url)>> StartPairAsync(
        Deployment deployment, string mode, IEnumerable<string> arguments, HttpClient http, CancellationToken cancellationToken)
    {
        var key = new Dictionary<string, string> { ["Showdown__TokenKey"] = NewTokenKey() };
        var servers = await StartServersAsync(deployment, mode, [$"--Showdown:Mode={mode}", .. arguments], key, http, cancellationToken);
        foreach (var (_, url, _) in servers)
        {
            deployment.StatsUrls.Add(new Uri(url, "/showdown/stats"));
        }

        deployment.Victim = servers[0].Process;
        return [.. servers.Select(s => (s.Route, s.Url))];
    }

    /// <summary>Two API servers that are Orleans clients of <paramref name="cluster"/>, routes "a" and "b".</summary>
    public static async Task<IReadOnlyList<(string Route, Uri Url)>> StartClientPairAsync(
        Deployment deployment, SiloCluster cluster, HttpClient http, CancellationToken cancellationToken) =>
        [.. (await StartServersAsync(deployment, "client", ["--Showdown:Mode=OrleansClient", .. cluster.Arguments], cluster.Environment, http, cancellationToken))
            .Select(s => (s.Route, s.Url))];

    /// <summary>The proxy (Grains.Proxy) in front of <paramref name="backends"/>; it becomes the deployment's entry.</summary>
    public static async Task StartProxyAsync(
        Deployment deployment, IReadOnlyList<(string Route, Uri Url)> backends, bool sticky, HttpClient http, CancellationToken cancellationToken)
    {
        var url = Deployment.LoopbackUrl();
        var arguments = new List<string> { $"--urls={url}", "--Showdown:Mode=Proxy", $"--Showdown:Sticky={sticky}" };
        arguments.AddRange(backends.Select((b, i) => $"--Showdown:Backends:{i}={b.Route}={b.Url.GetLeftPart(UriPartial.Authority)}"));
        var proxy = deployment.Start("proxy", Assembly, arguments);
        await Deployment.WaitUntilOkAsync(http, new Uri(url, "/showdown/health"), proxy, cancellationToken);
        deployment.Entry = url;
    }

    /// <summary>
    /// <paramref name="count"/> shop silos (src/Grains.Silo), <c>silo-1</c> to <c>silo-N</c>, each serving the API on a
    /// port of its own; returns once all are active and serve HTTP, before any grain is placed, so that the users spread
    /// over them. The first is the deployment's victim, unless it has one. <paramref name="environment"/> adds settings.
    /// </summary>
    public static async Task<SiloCluster> StartSilosAsync(
        Deployment deployment, string redis, CancellationToken cancellationToken, int count = 2, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var variables = new Dictionary<string, string>
        {
            ["Api__TokenKey"] = NewTokenKey(),
            // Lifted so that every request is served: the load sends hundreds of requests a second per session.
            ["Api__RateLimit__TokenLimit"] = "1000000000",
            ["Api__RateLimit__TokensPerPeriod"] = "1000000000",
            // Every simulated user signs in from this one address.
            ["Api__SignInRateLimit__PerAddress__TokenLimit"] = "1000000000",
            ["Api__SignInRateLimit__PerAddress__TokensPerPeriod"] = "1000000000",
            ["Api__SignInRateLimit__Global__TokenLimit"] = "1000000000",
            ["Api__SignInRateLimit__Global__TokensPerPeriod"] = "1000000000",
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            variables[key] = value;
        }

        var cluster = new SiloCluster(
            [$"--Redis:ConnectionString={redis}", $"--Cluster:Id={deployment.ClusterId}", "--Logging:LogLevel:Default=Warning"], variables, redis);
        for (var i = 1; i <= count; i++)
        {
            var silo = StartSilo(deployment, cluster, string.Create(CultureInfo.InvariantCulture, $"silo-{i}"));
            deployment.Victim ??= silo;
        }

        await WaitForRoutableSilosAsync(deployment, cluster, count, cancellationToken);
        return cluster;
    }

    /// <summary>One more silo of <paramref name="cluster"/>, started; <see cref="WaitForRoutableSilosAsync"/> waits for it.</summary>
    public static ProjectProcess StartSilo(Deployment deployment, SiloCluster cluster, string name)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(cluster);
        var silo = RepositoryPaths.BuiltAssembly("Grains.Silo");
        return deployment.Start(name, silo,
            [.. cluster.Arguments, $"--Silo:Name={name}", "--Silo:Port=0", "--Silo:GatewayPort=0", $"--urls={Deployment.LoopbackUrl()}", .. ContentRoot(silo)],
            cluster.Environment);
    }

    /// <summary>Waits until <paramref name="count"/> silos of <paramref name="cluster"/> are active and serve HTTP.</summary>
    public static async Task WaitForRoutableSilosAsync(Deployment deployment, SiloCluster cluster, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(cluster);
        using var connection = await ConnectionMultiplexer.ConnectAsync(cluster.Redis);
        var roster = new ClusterRoster(connection, deployment.ClusterId, deployment.ClusterId);
        await Poll.UntilAsync(
            async () =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                deployment.EnsureRunning();
                return (await roster.ReadAsync()).Count(s => s.IsRoutable) >= count;
            },
            s_joinTimeout,
            string.Create(CultureInfo.InvariantCulture, $"{count} silos active and serving HTTP"));
    }

    /// <summary>
    /// The product's gateway (src/Grains.Gateway) in front of <paramref name="cluster"/>; it becomes the deployment's
    /// entry. <paramref name="environment"/> adds settings (the operator key, for its metrics).
    /// </summary>
    public static async Task StartGatewayAsync(
        Deployment deployment, SiloCluster cluster, HttpClient http, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(cluster);
        var url = Deployment.LoopbackUrl();
        var gateway = RepositoryPaths.BuiltAssembly("Grains.Gateway");
        var process = deployment.Start("gateway", gateway, [.. cluster.Arguments, $"--urls={url}", .. ContentRoot(gateway)], environment);

        // The silos took requests before the gateway started, so its first read of the silos, which makes it ready, has them all.
        await Deployment.WaitUntilOkAsync(http, new Uri(url, "/health/ready"), process, cancellationToken);
        deployment.Entry = url;
    }

    /// <summary>The executable's own directory as content root, as deployed: its appsettings.json sets its log levels.</summary>
    private static string[] ContentRoot(string assembly) => ["--contentRoot", Path.GetDirectoryName(assembly)!];

    private static async Task<IReadOnlyList<(string Route, Uri Url, ProjectProcess Process)>> StartServersAsync(
        Deployment deployment, string name, string[] arguments, IReadOnlyDictionary<string, string> environment, HttpClient http, CancellationToken cancellationToken)
    {
        var servers = new List<(string Route, Uri Url, ProjectProcess Process)>();
        foreach (var route in new[] { "a", "b" })
        {
            var url = Deployment.LoopbackUrl();
            var process = deployment.Start($"{name}-{route}", Assembly, [$"--urls={url}", $"--Showdown:Route={route}", .. arguments], environment);
            servers.Add((route, url, process));
        }

        foreach (var (_, url, process) in servers)
        {
            await Deployment.WaitUntilOkAsync(http, new Uri(url, "/showdown/health"), process, cancellationToken);
        }

        return servers;
    }
}
