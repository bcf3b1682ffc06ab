using System.Security.Cryptography;
using Grains.Testing;

namespace Grains.Showdown.Architectures;

/// <summary>Starts Grains.Showdown.Server processes: API servers (stateful or stateless) and the router in front.</summary>
internal static class ShowdownServers
{
    private const string Project = "Grains.Showdown.Server";

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
        var servers = new List<(string, Uri, ProjectProcess)>();
        foreach (var route in new[] { "a", "b" })
        {
            var url = Deployment.LoopbackUrl();
            var process = deployment.Start($"{mode}-{route}", Assembly, [$"--urls={url}", $"--Showdown:Mode={mode}", $"--Showdown:Route={route}", .. arguments], key);
            servers.Add((route, url, process));
            deployment.StatsUrls.Add(new Uri(url, "/showdown/stats"));
        }

        foreach (var (_, url, process) in servers)
        {
            await Deployment.WaitUntilOkAsync(http, new Uri(url, "/showdown/health"), process, cancellationToken);
        }

        deployment.Victim = servers[0].Item3;
        return [.. servers.Select(s => (s.Item1, s.Item2))];
    }

    /// <summary>The router in front of <paramref name="backends"/>; it becomes the deployment's entry.</summary>
    public static async Task StartRouterAsync(
        Deployment deployment, IReadOnlyList<(string Route, Uri Url)> backends, bool sticky, HttpClient http, CancellationToken cancellationToken)
    {
        var url = Deployment.LoopbackUrl();
        var arguments = new List<string> { $"--urls={url}", "--Showdown:Mode=router", $"--Showdown:Sticky={sticky}" };
        arguments.AddRange(backends.Select((b, i) => $"--Showdown:Backends:{i}={b.Route}={b.Url.GetLeftPart(UriPartial.Authority)}"));
        var router = deployment.Start("router", Assembly, arguments);
        await Deployment.WaitUntilOkAsync(http, new Uri(url, "/showdown/health"), router, cancellationToken);
        deployment.Entry = url;
    }
}
