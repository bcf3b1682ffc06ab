using System.CommandLine;
using Microsoft.AspNetCore.Builder;

namespace Grains.Benchmarks.HttpGateway;

/// <summary>
/// The hidden <c>http-host</c> command: runs the bare endpoint or the variants silo in a process of their own, as a silo
/// runs in its own. Arguments it does not know go to the variants silo's configuration (Redis, cluster, token key).
/// Stops on SIGTERM or SIGINT.
/// </summary>
internal static class HttpHostCommand
{
    public static Command Create()
    {
        var mode = new Option<string>("--mode") { Description = "bare or variants.", Required = true };
        var url = new Option<string>("--url") { Description = "http://127.0.0.1:port", Required = true };
        var bodyFile = new Option<string>("--body-file") { Description = "The JSON bytes to answer with.", Required = true };
        var user = new Option<string>("--user") { Description = "The user whose cart the variants read.", DefaultValueFactory = _ => string.Empty };
        mode.AcceptOnlyFromAmong("bare", "variants");
        var command = new Command("http-host", "Runs the bare endpoint or the variants silo (started by the gateway benchmark).")
        {
            mode, url, bodyFile, user,
        };
        command.Hidden = true;
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            var body = await File.ReadAllBytesAsync(result.GetValue(bodyFile)!, cancellationToken);
            await using var app = result.GetValue(mode) == "bare"
                ? BareEndpoint.Create(result.GetValue(url)!, body)
                : GatewayVariants.Create([.. result.UnmatchedTokens, "--urls", result.GetValue(url)!], result.GetValue(user)!, body);
            await app.RunAsync();
            return 0;
        });
        return command;
    }
}
