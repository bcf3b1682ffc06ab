using System.CommandLine;
using System.Globalization;

namespace Grains.Benchmarks.CheckoutWrites;

/// <summary>The <c>checkout-writes</c> command: what one checkout writes to Redis, by the size of its user's history.</summary>
internal static class CheckoutWritesCommand
{
    private const int MaxHistory = 5000;

    public static Command Create()
    {
        var histories = new Option<string>("--histories")
        {
            Description = "Comma list of how many orders the user has before the measured checkout. 19 and 519 fill a page to its last slot.",
            DefaultValueFactory = _ => "1,19,500,519",
        };
        histories.Validators.Add(r =>
        {
            if (Parse(r.GetValueOrDefault<string>() ?? string.Empty) is null)
            {
                r.AddError($"{r.Option.Name} must be a comma list of numbers from 0 to {MaxHistory}.");
            }
        });
        var command = new Command(
            "checkout-writes",
            "Measures the bytes one checkout writes to Redis when its user already has N orders: starts redis-server and a "
            + "shop silo in this process on 127.0.0.1, checks out N carts for a user, then records with MONITOR every "
            + "command of one more checkout. Stops both.")
        {
            histories,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                var samples = await CheckoutWritesRunner.RunAsync(Parse(result.GetValue(histories)!)!, Console.Error, cancellationToken);
                CheckoutWritesReport.Write(Console.Out, samples);
                return 0;
            }
            catch (OperationCanceledException)
            {
                await Console.Error.WriteLineAsync("Stopped before the end: no figures.");
                return 130;
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or IOException)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 1;
            }
        });
        return command;
    }

    private static List<int>? Parse(string text)
    {
        var values = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > MaxHistory)
            {
                return null;
            }

            values.Add(value);
        }

        return values.Count == 0 ? null : values;
    }
}
