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
/// <para>
/// While it is active and live, the session is published in its silo's <see cref="LocalSessions"/>, so that the API
/// in this process checks a token without calling the grain; the grain remains the only one to start, revoke and
/// write it, and a request the published session cannot answer (expired, revoked, or its activity due to be written)
/// calls the grain as before.
/// </para>
/// <para>
/// A session that ends leaves nothing in Redis: a revocation deletes its state before it returns, a grain that finds
/// its session expired deletes it, and a session nobody calls again is deleted by Redis itself, through the expiry
/// every write sets on its key (<see cref="SessionStorage.Expiry"/>). A deleted session reads as an unknown one.
/// </para>
/// </summary>
[GrainType("session")]
[UserPlacement]
public sealed partial class SessionGrain(
    [PersistentState("session", SessionStorage.Name)] IPersistentState<SessionState> state,
    IOptions<SessionOptions> options,
    LocalSessions localSessions,
    TimeProvider timeProvider,
    ILogger<SessionGrain> logger) : MigratingGrain, ISessionGrain, IGrainMigrationParticipant
{
    private const string LastSeenMigrationKey = "lastSeenAt";

    private readonly SessionOptions _options = options.Value;

    // The activation's view of the last request while nothing is published; the stored value lags it by less than
    // LastSeenWriteInterval. While the session is published, the published one is the view (requests slide it too).
    private DateTimeOffset _lastSeenAt;
    private LocalSession? _published;

    // Set once OnDeactivateAsync ran, or once the store showed this activation's view stale: nothing is published after it.
    private bool _ended;

    private DateTimeOffset LastSeenAt => _published?.LastSeenAt ?? _lastSeenAt;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A migrated activation brought its predecessor's time (OnRehydrate runs first); the store's may be older.
        if (state.State.LastSeenAt > _lastSeenAt)
        {
            _lastSeenAt = state.State.LastSeenAt;
        }

        // Published at the first call, not here: an activation that Orleans ends before it becomes valid (a stop or
        // a duplicate found while it activates) is not given OnDeactivateAsync, and would leave its entry behind.
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _ended = true;
        Withdraw();
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    void IGrainMigrationParticipant.OnDehydrate(IDehydrationContext dehydrationContext) =>
        dehydrationContext.TryAddValue(LastSeenMigrationKey, LastSeenAt);

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
        Publish();
        return ToInfo();
    }

    public async Task<SessionInfo?> TouchAsync()
    {
        var now = timeProvider.GetUtcNow();
        if (!IsLive(now))
        {
            return await ForgetEndedAsync();
        }

        Seen(now);
        if (now - state.State.LastSeenAt >= _options.LastSeenWriteInterval)
        {
            await TryPersistActivityAsync();
        }

        if (_published is null && !state.State.Revoked)
        {
            Publish();
        }

        return ToInfo();
    }

    public async Task<SessionInfo?> GetAsync() =>
        IsLive(timeProvider.GetUtcNow()) ? ToInfo() : await ForgetEndedAsync();

    public async Task RevokeAsync()
    {
        if (!state.RecordExists)
        {
            return;
        }

        // A failure to delete fails the call: the session is then not revoked, and the caller is told so.
        await DeleteStateAsync();

        // From here on no request of this process takes the session for live, before this call even returns.
        _published?.Revoke();
        Withdraw();
        LogRevoked(logger, SessionId);
        DeactivateOnIdle();
    }

    /// <summary>
    /// Deletes the state of a session found expired (or revoked, in a record written before revocations deleted it),
    /// and lets the activation go. A failure is only logged: the key expires by itself, and the answer is the same.
    /// </summary>
    private async Task<SessionInfo?> ForgetEndedAsync()
    {
        if (!state.RecordExists)
        {
            return null;
        }

        Withdraw();
        try
        {
            await DeleteStateAsync();
        }
#pragma warning disable CA1031 // Any storage failure is survivable here, see the summary.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogDeleteFailed(logger, SessionId, ex);
        }

        DeactivateOnIdle();
        return null;
    }

    /// <summary>
    /// Deletes the stored session, checked against the etag this activation holds. A refused etag means the key
    /// expired in Redis or another activation wrote it: what is stored now is read and deleted instead.
    /// </summary>
    private async Task DeleteStateAsync()
    {
        try
        {
            await state.ClearStateAsync();
        }
        catch (InconsistentStateException)
        {
            await state.ReadStateAsync();
            if (state.RecordExists)
            {
                await state.ClearStateAsync();
            }
        }
    }

    private DateTimeOffset ExpiresAt => LastSeenAt + _options.IdleTimeout;

    private bool IsLive(DateTimeOffset now) => state.RecordExists && !state.State.Revoked && now < ExpiresAt;

    /// <summary>The session's own id; the grain's key is <c>{userId}/{sessionId}</c> (<see cref="UserGrainKeys"/>).</summary>
    private string SessionId => UserGrainKeys.SessionIdOf(this.GetPrimaryKeyString());

    private SessionInfo ToInfo() =>
        new(SessionId, state.State.UserId, state.State.CreatedAt, LastSeenAt, ExpiresAt);

    private void Seen(DateTimeOffset now)
    {
        if (_published is { } published)
        {
            published.Seen(now);
        }
        else if (now > _lastSeenAt)
        {
            _lastSeenAt = now;
        }
    }

    private void Publish()
    {
        if (_ended)
        {
            return;
        }

        _published = new LocalSession(state.State.UserId, _lastSeenAt, state.State.LastSeenAt, _options.IdleTimeout, _options.LastSeenWriteInterval);
        localSessions.Publish(this.GetPrimaryKeyString(), _published);
    }

    private void Withdraw()
    {
        if (_published is { } published)
        {
            _lastSeenAt = published.LastSeenAt;
            localSessions.Withdraw(this.GetPrimaryKeyString(), published);
            _published = null;
        }
    }

    /// <summary>
    /// Writing activity is an optimisation of session lifetime, not part of the request: when storage is down the
    /// session keeps working from the activation's memory.
    /// </summary>
    private async Task TryPersistActivityAsync()
    {
        try
        {
            await state.CommitAsync(state.State with { LastSeenAt = LastSeenAt, ExpiresAt = ExpiresAt });
            _published?.Stored(state.State.LastSeenAt);
        }
        catch (InconsistentStateException ex)
        {
            // Another activation wrote this session (e.g. revoked it); only a fresh read can tell.
            LogActivityWriteFailed(logger, SessionId, ex);
            _ended = true;
            Withdraw();
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
