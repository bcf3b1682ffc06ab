using System.CommandLine;

namespace Grains.Benchmarks.SignIns;

/// <summary>The <c>sign-ins</c> command: one client signs in as fast as a flood would, and what is left in Redis is counted.</summary>
internal static class SignInFloodCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count", "-n") { Description = "Sign-ins sent.", DefaultValueFactory = _ => 3000 };
        var seconds = new Option<double>("--seconds", "-s") { Description = "Seconds the sign-ins are spread over, evenly.", DefaultValueFactory = _ => 8 };
        var silos = new Option<int>("--silos") { Description = "Silo processes behind the gateway.", DefaultValueFactory = _ => 3 };
        count.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 100_000) { r.AddError("--count must be between 1 and 100000."); } });
        seconds.Validators.Add(r => { if (r.GetValueOrDefault<double>() is < 0.1 or > 600) { r.AddError("--seconds must be between 0.1 and 600."); } });
        silos.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 9) { r.AddError("--silos must be between 1 and 9."); } });
        var command = new Command(
            "sign-ins",
            "Sends POST /api/sessions for distinct users from one client on 127.0.0.1 through the gateway, spread evenly over "
            + "the given time, with the silos' default limits, then counts the answers by status and the keys in Redis. Starts "
            + "redis-server, the silos and the gateway as processes, and stops them all.")
        {
            count, seconds, silos,
        };
        command.SetAction(async (result, cancellationToken) => await ProcessCommandRun.RunAsync(async () =>
            (await SignInFloodRunner.RunAsync(
                result.GetValue(count), TimeSpan.FromSeconds(result.GetValue(seconds)), result.GetValue(silos), Console.Error, cancellationToken)).Write(Console.Out)));
        return command;
    }
}
