using System.CommandLine;

namespace Grains.Benchmarks.Soak;

/// <summary>The <c>soak</c> command: an abusive client next to well-behaved users, and what Redis holds meanwhile.</summary>
internal static class SoakCommand
{
    public static Command Create()
    {
        var seconds = new Option<int>("--seconds", "-s") { Description = "How long the run lasts.", DefaultValueFactory = _ => 180 };
        var silos = new Option<int>("--silos") { Description = "Silo processes behind the gateway.", DefaultValueFactory = _ => 3 };
        var users = new Option<int>("--users") { Description = "Well-behaved users, each from a loopback address of its own.", DefaultValueFactory = _ => 20 };
        var loops = new Option<int>("--abusive-loops") { Description = "Requests the abusive client keeps in flight.", DefaultValueFactory = _ => 32 };
        seconds.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 10 or > 3600) { r.AddError("--seconds must be between 10 and 3600."); } });
        silos.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 9) { r.AddError("--silos must be between 1 and 9."); } });
        users.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 180) { r.AddError("--users must be between 1 and 180."); } });
        loops.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 1024) { r.AddError("--abusive-loops must be between 1 and 1024."); } });
        var command = new Command(
            "soak",
            "Runs well-behaved users, each from a loopback address of its own, next to one abusive client that signs in "
            + "without end, sends keyed adds with the longest keys and checks out without end, all through the gateway with "
            + "the silos' default limits; reports the answers each got and Redis' keys and memory every 5 s against the bound "
            + "the limits set. Starts redis-server, the silos and the gateway as processes, and stops them all.")
        {
            seconds, silos, users, loops,
        };
        command.SetAction(async (result, cancellationToken) => await ProcessCommandRun.RunAsync(async () =>
            (await SoakRunner.RunAsync(
                new SoakSettings(TimeSpan.FromSeconds(result.GetValue(seconds)), result.GetValue(silos), result.GetValue(users), result.GetValue(loops)),
                Console.Error,
                cancellationToken)).Write(Console.Out)));
        return command;
    }
}
