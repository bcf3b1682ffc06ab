using System.Globalization;
using Grains.Runtime.Hosting;
using Grains.Runtime.Membership;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Grains.Redis;

/// <summary>
/// The membership table in one Redis hash (see <see cref="RedisKeys"/>). Every transition is one Lua script that
/// reads the row, decides and writes, timed by the Redis server's clock; joins, status changes and deaths are
/// announced on the cluster's membership channel.
/// </summary>
public sealed partial class RedisMembershipTable(
    RedisConnection connection,
    IOptions<ClusterOptions> clusterOptions,
    ILogger<RedisMembershipTable> logger) : IMembershipTable
{
    private readonly RedisKeys _keys = new(clusterOptions.Value.Id);

    public async Task InitializeAsync(CancellationToken cancellationToken) =>
        await connection.ConnectAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<MembershipEntry>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var rows = await connection.ExecuteAsync(database => database.HashGetAllAsync(_keys.Members), cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(row => ParseRow(row.Name!, row.Value!))];
    }

    public async Task JoinAsync(SiloAddress silo, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(name);
        var result = await EvaluateAsync(RedisScripts.Join, [silo.Id, name, _keys.MembershipChanges], cancellationToken).ConfigureAwait(false);
        if ((long)result != RedisScripts.Ok)
        {
            Log.JoinRefused(logger, silo.Id);
            throw new InvalidOperationException($"Silo {silo} was declared dead and cannot join again.");
        }

        Log.Joined(logger, silo.Id, name);
    }

    public async Task<HeartbeatResult> HeartbeatAsync(SiloAddress silo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var result = await EvaluateAsync(RedisScripts.Touch, [silo.Id, string.Empty, string.Empty], cancellationToken).ConfigureAwait(false);
        return (long)result == RedisScripts.Ok ? HeartbeatResult.Alive : HeartbeatResult.Dead;
    }

    public async Task<bool> UpdateStatusAsync(SiloAddress silo, SiloStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var code = ((int)status).ToString(CultureInfo.InvariantCulture);
        var result = await EvaluateAsync(RedisScripts.Touch, [silo.Id, code, _keys.MembershipChanges], cancellationToken).ConfigureAwait(false);
        return (long)result == RedisScripts.Ok;
    }

    public async Task<bool> TryDeclareDeadAsync(SiloAddress silo, TimeSpan? ifSilentFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var silence = ifSilentFor is { } value ? Milliseconds(value) : string.Empty;
        var result = await EvaluateAsync(RedisScripts.DeclareDead, [silo.Id, silence, _keys.MembershipChanges], cancellationToken).ConfigureAwait(false);
        var dead = (long)result == RedisScripts.Ok;
        if (dead)
        {
            Log.DeclaredDead(logger, silo.Id);
        }

        return dead;
    }

    public async Task<int> CleanupDeadAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        var result = await EvaluateAsync(RedisScripts.CleanupDead, [Milliseconds(olderThan)], cancellationToken).ConfigureAwait(false);
        return (int)result;
    }

    public IDisposable SubscribeToChanges(Action onChange)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        return connection.Subscribe((RedisChannel)_keys.MembershipChanges, (_, _) =>
        {
            try
            {
                onChange();
            }
            catch (Exception ex)
            {
                Log.ChangeHandlerFailed(logger, ex);
            }
        });
    }

    private Task<RedisResult> EvaluateAsync(string script, RedisValue[] arguments, CancellationToken cancellationToken) =>
        connection.EvaluateAsync(script, [_keys.Members], arguments, cancellationToken);

    private static string Milliseconds(TimeSpan value) => value.TotalMilliseconds.ToString("R", CultureInfo.InvariantCulture);

    private static MembershipEntry ParseRow(string siloId, string row)
    {
        var parts = row.Split('|', 4);
        if (parts.Length != 4)
        {
            throw new FormatException($"The membership row of {siloId} is malformed.");
        }

        return new MembershipEntry(
            SiloAddress.Parse(siloId),
            parts[3],
            (SiloStatus)int.Parse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture),
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture)),
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture)));
    }
}
