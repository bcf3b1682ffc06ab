using System.Globalization;
using System.Text.RegularExpressions;

namespace Grains.Benchmarks.HttpGateway;

/// <summary>What one wrk run printed: requests per second, latency percentiles (with <c>--latency</c>) and failures.</summary>
internal sealed partial record WrkResult(double RequestsPerSecond, long Requests, TimeSpan P50, TimeSpan P99, long NonSuccess, long SocketErrors)
{
    /// <exception cref="FormatException">The output lacks the requests-per-second line.</exception>
    public static WrkResult Parse(string output)
    {
        var rate = RateLine().Match(output);
        if (!rate.Success)
        {
            throw new FormatException($"wrk printed no 'Requests/sec' line:{Environment.NewLine}{output}");
        }

        var requests = RequestsLine().Match(output);
        var nonSuccess = NonSuccessLine().Match(output);
        var socketErrors = SocketErrorsLine().Match(output);
        return new WrkResult(
            double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
            requests.Success ? long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            Percentile(output, "50"),
            Percentile(output, "99"),
            nonSuccess.Success ? long.Parse(nonSuccess.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            socketErrors.Success ? socketErrors.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)) : 0);
    }

    private static TimeSpan Percentile(string output, string percent)
    {
        var match = Regex.Match(output, $@"^\s+{percent}(?:\.0+)?%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (!match.Success)
        {
            return TimeSpan.Zero;
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => TimeSpan.FromMicroseconds(value),
            "ms" => TimeSpan.FromMilliseconds(value),
            _ => TimeSpan.FromSeconds(value),
        };
    }

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex RateLine();

    [GeneratedRegex(@"^\s+(\d+) requests in", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex NonSuccessLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex SocketErrorsLine();
}
