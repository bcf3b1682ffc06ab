using Grains.Runtime;
using Grains.Runtime.Directory;
using Grains.Runtime.Hosting;
using Grains.Runtime.Membership;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Grains.Redis;

/// <summary>
/// The grain directory in one Redis hash (see <see cref="RedisKeys"/>). Registration is one Lua script that consults
/// the membership hash in the same atomic step, so two silos that disagree about membership still get one winner.
/// </summary>
public sealed partial class RedisGrainDirectory(
    RedisConnection connection,
    IOptions<ClusterOptions> clusterOptions,
    ILogger<RedisGrainDirectory> logger) : IGrainDirectory
{
    private readonly RedisKeys _keys = new(clusterOptions.Value.Id);

    public async Task InitializeAsync(CancellationToken cancellationToken) =>
        await connection.ConnectAsync(cancellationToken).ConfigureAwait(false);

    public async Task<GrainLocation?> LookupAsync(GrainId grain, CancellationToken cancellationToken)
    {
        var entry = await connection.ExecuteAsync(database => database.HashGetAsync(_keys.Directory, grain.ToString()), cancellationToken).ConfigureAwait(false);
        return entry.IsNull ? null : ParseEntry(grain, entry!);
    }

    public async Task<GrainLocation> RegisterAsync(GrainLocation location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        var result = (RedisResult[])(await connection.EvaluateAsync(
            RedisScripts.Register,
            [_keys.Directory, _keys.Members],
            [location.Grain.ToString(), location.Silo.Id, FormatEntry(location)],
            cancellationToken).ConfigureAwait(false))!;
        switch ((long)result[0])
        {
            case RedisScripts.Ok:
                return location;
            case RedisScripts.Refused:
                return ParseEntry(location.Grain, (string)result[1]!);
            default:
                Log.RegistrationRefused(logger, location.Grain, location.Silo.Id);
                throw new InvalidOperationException($"Silo {location.Silo} is not a live member and cannot register grains.");
        }
    }

    public async Task<bool> UnregisterAsync(GrainLocation location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        var result = await connection.EvaluateAsync(
            RedisScripts.Unregister,
            [_keys.Directory],
            [location.Grain.ToString(), FormatEntry(location)],
            cancellationToken).ConfigureAwait(false);
        return (long)result == RedisScripts.Ok;
    }

    public async Task<IReadOnlyList<GrainLocation>> ListAsync(CancellationToken cancellationToken)
    {
        var entries = await connection.ExecuteAsync(database => database.HashGetAllAsync(_keys.Directory), cancellationToken).ConfigureAwait(false);
        return [.. entries.Select(entry => ParseEntry(GrainId.Parse(entry.Name!), entry.Value!))];
    }

    /// <summary>The directory hash's value for <paramref name="location"/>: <c>siloId|activationId</c>.</summary>
    internal static string FormatEntry(GrainLocation location) => $"{location.Silo.Id}|{location.ActivationId}";

    private static GrainLocation ParseEntry(GrainId grain, string entry)
    {
        // A silo id never holds '|' (its host is an address), so the first one separates it from the activation id.
        var separator = entry.IndexOf('|', StringComparison.Ordinal);
        if (separator <= 0)
        {
            throw new FormatException($"The directory entry of {grain} is malformed.");
        }

        return new GrainLocation(grain, SiloAddress.Parse(entry[..separator]), entry[(separator + 1)..]);
    }
}
