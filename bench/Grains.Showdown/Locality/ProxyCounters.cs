using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace Grains.Showdown.Locality;

/// <summary>
/// Reads the gateway's count of requests served in-process and not (<c>grains_proxy_requests_total</c>, by
/// <c>locality</c>) from its Prometheus endpoint, as an operator's scraper would.
/// </summary>
internal sealed partial class ProxyCounters(HttpClient http, Uri gateway, string operatorKey)
{
    private readonly AuthenticationHeaderValue _credentials = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"operator:{operatorKey}")));

    public async Task<(long InProcess, long Remote)> ReadAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway, "/metrics"));
        request.Headers.Authorization = _credentials;
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        long inProcess = 0, remote = 0;
        foreach (Match line in Counter().Matches(await response.Content.ReadAsStringAsync(cancellationToken)))
        {
            var value = (long)double.Parse(line.Groups["value"].Value, CultureInfo.InvariantCulture);
            if (line.Groups["locality"].Value == "in-process")
            {
                inProcess += value;
            }
            else
            {
                remote += value;
            }
        }

        return (inProcess, remote);
    }

    [GeneratedRegex("""^grains_proxy_requests_total\{[^}]*locality="(?<locality>[a-z-]+)"[^}]*\} (?<value>[0-9.e+]+)""", RegexOptions.Multiline)]
    private static partial Regex Counter();
}
