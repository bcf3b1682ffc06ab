using System.CommandLine;
using System.Globalization;

namespace Grains.Benchmarks.KeyedAdds;

/// <summary>
/// The <c>keyed-adds</c> command: the bytes Redis receives per <c>POST /api/cart/items</c> with an
/// <c>Idempotency-Key</c>, and the size of the cart's stored record, as the keys the cart has seen grow.
/// </summary>
internal static class KeyedAddsCommand
{
    private const int MaxAdds = 10_000;

    public static Command Create()
    {
        var points = new Option<string>("--points") { Description = "Comma list: keyed adds sent before each measured window.", DefaultValueFactory = _ => "0,100,1000" };
        var window = new Option<int>("--window") { Description = "Keyed adds measured at each point.", DefaultValueFactory = _ => 20 };
        var idle = new Option<double>("--idle") { Description = "Seconds Redis's input is watched with no request sent.", DefaultValueFactory = _ => 5 };
        points.Validators.Add(r =>
        {
            if (ParsePoints(r.GetValueOrDefault<string>() ?? string.Empty) is null)
            {
                r.AddError($"{r.Option.Name} must be a comma list of 0 to {MaxAdds}.");
            }
        });
        window.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 1000) { r.AddError($"{r.Option.Name} must be between 1 and 1000."); } });
        idle.Validators.Add(r => { if (r.GetValueOrDefault<double>() is < 0 or > 600) { r.AddError($"{r.Option.Name} must be between 0 and 600 seconds."); } });
        var command = new Command(
            "keyed-adds",
            "Measures the bytes Redis receives per keyed add (INFO stats total_net_input_bytes, whole commands) and the "
            + "cart's stored record, after 0, 100 and 1000 earlier keyed adds, with keys as long as the API allows, plain and "
            + "full of characters JSON escapes. Starts redis-server and one silo on 127.0.0.1, and stops both.")
        {
            points, window, idle,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = new KeyedAddsSettings(ParsePoints(result.GetValue(points)!)!, result.GetValue(window), TimeSpan.FromSeconds(result.GetValue(idle)));
            KeyedAddsReport.WriteConditions(Console.Out, settings);
            var outcome = await ProcessCommandRun.RunAsync(async () =>
                KeyedAddsReport.WriteSamples(Console.Out, await KeyedAddsRunner.RunAsync(settings, Console.Error, cancellationToken)));
            KeyedAddsReport.WriteLoadAverage(Console.Out, "end");
            return outcome;
        });
        return command;
    }

    private static List<int>? ParsePoints(string text)
    {
        var points = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var point) || point > MaxAdds)
            {
                return null;
            }

            points.Add(point);
        }

        return points.Count == 0 ? null : [.. points.Distinct().Order()];
    }
}
