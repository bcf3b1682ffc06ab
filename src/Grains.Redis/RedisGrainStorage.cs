using Grains.Runtime;
using Grains.Runtime.Directory;
using Grains.Runtime.Hosting;
using Grains.Runtime.Serialization;
using Grains.Runtime.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Grains.Redis;

/// <summary>
/// Grain state in Redis hashes (see <see cref="RedisKeys"/>), as JSON from the <see cref="GrainSerializer"/>.
/// A write or clear is one Lua script that checks the fence against the directory and membership hashes and the
/// etag against the stored one, then writes with a new etag.
/// </summary>
public sealed partial class RedisGrainStorage(
    RedisConnection connection,
    GrainSerializer serializer,
    IOptions<ClusterOptions> clusterOptions,
    ILogger<RedisGrainStorage> logger) : IGrainStorage
{
    private static readonly RedisValue[] s_fields = [RedisScripts.EtagField, RedisScripts.DataField];

    private readonly RedisKeys _keys = new(clusterOptions.Value.Id);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        RedisValue[] record;
        try
        {
            record = await connection.ExecuteAsync(database => database.HashGetAsync(Key(stateName, grainId), s_fields), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            throw new StorageUnavailableException($"The state of {grainId} could not be read from Redis.", ex);
        }

        if (record[0].IsNull)
        {
            Reset(grainState);
            return;
        }

        grainState.State = serializer.DeserializeFromString<T>(record[1]!)!;
        grainState.Etag = record[0];
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, GrainLocation? fence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var etag = Guid.NewGuid().ToString("N");
        await CompareAndSetAsync(stateName, grainId, grainState.Etag, fence, etag, serializer.SerializeToString(grainState.State), cancellationToken).ConfigureAwait(false);
        grainState.Etag = etag;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, GrainLocation? fence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await CompareAndSetAsync(stateName, grainId, grainState.Etag, fence, newEtag: string.Empty, data: string.Empty, cancellationToken).ConfigureAwait(false);
        Reset(grainState);
    }

    private static void Reset<T>(IGrainState<T> grainState)
    {
        grainState.State = Activator.CreateInstance<T>();
        grainState.Etag = null;
        grainState.RecordExists = false;
    }

    private string Key(string stateName, GrainId grainId) => _keys.State(grainId.Type, stateName, grainId.Key);

    /// <summary>Runs <see cref="RedisScripts.WriteState"/>; an empty <paramref name="newEtag"/> deletes the record.</summary>
    private async Task CompareAndSetAsync(
        string stateName, GrainId grainId, string? expectedEtag, GrainLocation? fence, string newEtag, string data, CancellationToken cancellationToken)
    {
        var key = Key(stateName, grainId);
        RedisResult[] result;
        try
        {
            result = (RedisResult[])(await connection.EvaluateAsync(
                RedisScripts.WriteState,
                [key, _keys.Directory, _keys.Members],
                [
                    fence?.Grain.ToString() ?? string.Empty,
                    fence is null ? string.Empty : RedisGrainDirectory.FormatEntry(fence),
                    fence?.Silo.Id ?? string.Empty,
                    expectedEtag ?? string.Empty,
                    expectedEtag is null ? "0" : "1",
                    newEtag,
                    data,
                ],
                cancellationToken).ConfigureAwait(false))!;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The script may have run before the connection failed: the outcome is unknown, not a refusal.
            throw new StorageUnavailableException($"Redis did not confirm the write of {grainId}; it may or may not have been applied.", ex);
        }

        switch ((long)result[0])
        {
            case RedisScripts.Ok:
                return;
            case RedisScripts.FenceLost:
                Log.FenceLost(logger, grainId, stateName, fence!.ActivationId);
                throw new InconsistentStateException($"Activation {fence.ActivationId} no longer owns {fence.Grain}; the write was refused.");
            default:
                var storedEtag = result.Length > 1 ? (string?)result[1] : null;
                Log.EtagMismatch(logger, grainId, stateName);
                throw new InconsistentStateException(
                    $"Etag mismatch for {key}: stored {storedEtag ?? "<none>"}, expected {expectedEtag ?? "<none>"}.", storedEtag, expectedEtag);
        }
    }
}
