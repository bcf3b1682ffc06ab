using System.Globalization;
using Grains.Runtime;
using Grains.Runtime.Activation;
using Grains.Runtime.Hosting;
using Grains.Runtime.Membership;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Grains.Redis;

/// <summary>
/// Journals activations to the list <c>grains:{c}:activations</c> when <see cref="RedisOptions.RecordActivations"/>
/// is on. Each entry is <c>&lt;unixMs&gt;|&lt;kind&gt;|&lt;activationId&gt;|&lt;siloId&gt;|&lt;grainId&gt;</c>, stamped
/// with the Redis server's clock, the one clock all silos share. A start is recorded only while the silo is alive in
/// the membership table, in the same script, so every recorded activation began before its silo's death.
/// </summary>
public sealed class RedisActivationJournal(RedisConnection connection, IOptions<RedisOptions> options, IOptions<ClusterOptions> clusterOptions) : IActivationJournal
{
    private readonly RedisKeys _keys = new(clusterOptions.Value.Id);

    public async Task RecordAsync(ActivationEvent activationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activationEvent);
        if (!options.Value.RecordActivations)
        {
            return;
        }

        var entry = string.Join('|', (int)activationEvent.Kind, activationEvent.ActivationId, activationEvent.Silo.Id, activationEvent.Grain.ToString());
        long result;
        try
        {
            var start = activationEvent.Kind == ActivationEventKind.Activated ? "1" : "0";
            result = (long)await connection.EvaluateAsync(
                RedisScripts.JournalActivation, [_keys.Activations, _keys.Members], [entry, activationEvent.Silo.Id, start], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            throw new StorageUnavailableException("The activation journal could not be written.", ex);
        }

        if (result == RedisScripts.FenceLost)
        {
            throw new InconsistentStateException($"Silo {activationEvent.Silo.Id} is dead: the activation of {activationEvent.Grain} was refused.");
        }
    }

    /// <summary>Reads the whole journal of a cluster, oldest first.</summary>
    public static async Task<IReadOnlyList<JournaledActivation>> ReadAllAsync(IDatabase database, string clusterId)
    {
        ArgumentNullException.ThrowIfNull(database);
        var values = await database.ListRangeAsync(new RedisKeys(clusterId).Activations).ConfigureAwait(false);
        return [.. values.Select(v => Parse(v!))];
    }

    private static JournaledActivation Parse(string entry)
    {
        var parts = entry.Split('|', 5);
        return new JournaledActivation(
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(parts[0], CultureInfo.InvariantCulture)),
            (ActivationEventKind)int.Parse(parts[1], CultureInfo.InvariantCulture),
            parts[2],
            SiloAddress.Parse(parts[3]),
            GrainId.Parse(parts[4]));
    }
}
