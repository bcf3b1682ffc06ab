using Grains.Shop.Contracts.Sessions;
using Grains.Shop.Hosting;
using Grains.Shop.Storage;
using Orleans.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Grains.Shop.Placement;

namespace Grains.Shop.Sessions;

/// <summary>
/// A session. Activity is kept in memory and written only every <see cref="SessionOptions.LastSeenWriteInterval"/>;
/// when the silo stops gracefully the in-memory time moves with the activation (it migrates), and after a crash the
/// session may expire up to that interval early. Nothing is written on deactivation.
/// </summary>
[GrainType("session")]
[UserPlacement]
public sealed partial class SessionGrain(
    [PersistentState("session", ShopStorage.Name)] IPersistentState<SessionState> state,
    IOptions<SessionOptions> options,
    TimeProvider timeProvider,
    ILogger<SessionGrain> logger) : MigratingGrain, ISessionGrain, IGrainMigrationParticipant
{
    private readonly SessionOptions _options = options.Value;

    // The activation's view of the last request; the stored value lags it by less than LastSeenWriteInterval.
    private DateTimeOffset _lastSeenAt;

    private const string LastSeenMigrationKey = "lastSeenAt";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A migrated activation brought its predecessor's time (OnRehydrate runs first); the store's may be older.
        if (state.State.LastSeenAt > _lastSeenAt)
        {
            _lastSeenAt = state.State.LastSeenAt;
        }

        return Task.CompletedTask;
    }

    void IGrainMigrationParticipant.OnDehydrate(IDehydrationContext dehydrationContext) =>
        dehydrationContext.TryAddValue(LastSeenMigrationKey, _lastSeenAt);

    void IGrainMigrationParticipant.OnRehydrate(IRehydrationContext rehydrationContext)
    {
        if (rehydrationContext.TryGetValue(LastSeenMigrationKey, out DateTimeOffset lastSeenAt))
        {
            _lastSeenAt = lastSeenAt;
        }
    }

    public async Task<SessionInfo> StartAsync(string userId)
    {
        if (!UserIds.IsValid(userId) || !UserGrainKeys.UserOf(this.GetPrimaryKeyString()).SequenceEqual(userId))
        {
            throw new ArgumentException("The user id is not valid, or not the user the session is keyed by.", nameof(userId));
        }

        if (state.RecordExists)
        {
            throw new SessionConflictException("A session with this id already exists.");
        }

        var now = timeProvider.GetUtcNow();
        await state.CommitAsync(new SessionState
        {
            UserId = userId,
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + _options.IdleTimeout,
        });
        _lastSeenAt = now;
        return ToInfo();
    }

    public async Task<SessionInfo?> TouchAsync()
    {
        var now = timeProvider.GetUtcNow();
        if (!IsLive(now))
        {
            return null;
        }

        _lastSeenAt = now;
        if (now - state.State.LastSeenAt >= _options.LastSeenWriteInterval)
        {
            await TryPersistActivityAsync();
        }

        return ToInfo();
    }

    public Task<SessionInfo?> GetAsync() =>
        Task.FromResult(IsLive(timeProvider.GetUtcNow()) ? ToInfo() : null);

    public async Task RevokeAsync()
    {
        if (!state.RecordExists || state.State.Revoked)
        {
            return;
        }

        await state.CommitAsync(state.State with { Revoked = true, LastSeenAt = _lastSeenAt, ExpiresAt = ExpiresAt });
        LogRevoked(logger, SessionId);
    }

    private DateTimeOffset ExpiresAt => _lastSeenAt + _options.IdleTimeout;

    private bool IsLive(DateTimeOffset now) => state.RecordExists && !state.State.Revoked && now < ExpiresAt;

    /// <summary>The session's own id; the grain's key is <c>{userId}/{sessionId}</c> (<see cref="UserGrainKeys"/>).</summary>
    private string SessionId => UserGrainKeys.SessionIdOf(this.GetPrimaryKeyString());

    private SessionInfo ToInfo() =>
        new(SessionId, state.State.UserId, state.State.CreatedAt, _lastSeenAt, ExpiresAt);

    /// <summary>
    /// Writing activity is an optimisation of session lifetime, not part of the request: when storage is down the
    /// session keeps working from the activation's memory.
    /// </summary>
    private async Task TryPersistActivityAsync()
    {
        try
        {
            await state.CommitAsync(state.State with { LastSeenAt = _lastSeenAt, ExpiresAt = ExpiresAt });
        }
        catch (InconsistentStateException ex)
        {
            // Another activation wrote this session (e.g. revoked it); only a fresh read can tell.
            LogActivityWriteFailed(logger, SessionId, ex);
            DeactivateOnIdle();
        }
#pragma warning disable CA1031 // Any storage failure is survivable here, see the summary.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogActivityWriteFailed(logger, SessionId, ex);
        }
    }
}
