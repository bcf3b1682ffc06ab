using System.Diagnostics;
using System.Threading.Channels;
using Grains.Runtime.Diagnostics;
using Grains.Runtime.Directory;
using Grains.Runtime.Messaging;
using Grains.Runtime.Serialization;

namespace Grains.Runtime.Activation;

/// <summary>
/// One activation of a grain: its instance, its mailbox and its lifecycle. Calls are taken from the mailbox in
/// order and run one at a time (turn-based), unless the grain class is [Reentrant].
/// </summary>
internal sealed partial class ActivationData
{
    private readonly Channel<WorkItem> _mailbox = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private readonly ActivationServices _services;
    private readonly GrainRegistration _registration;
    private readonly Catalog _catalog;
    private readonly List<IPersistentStateLoader> _states = [];
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HashSet<Task> _running = [];
    private Grain? _grain;
    private DeactivationReason? _deactivationRequested;
    private long _lastActivity;
    private long _keepAliveUntil;

    public ActivationData(GrainId grainId, GrainRegistration registration, Catalog catalog, ActivationServices services)
    {
        GrainId = grainId;
        _registration = registration;
        _catalog = catalog;
        _services = services;
        ActivationId = Guid.NewGuid().ToString("N");
        Location = new GrainLocation(grainId, services.Identity.Silo!, ActivationId);
        _lastActivity = services.Time.GetTimestamp();
    }

    public GrainId GrainId { get; }

    public string ActivationId { get; }

    public GrainLocation Location { get; }

    public ActivationState State { get; private set; } = ActivationState.Activating;

    public IGrainFactory GrainFactory => _services.GrainFactory;

    public string SiloName => _services.Identity.Name;

    /// <summary>Completes when the activation is gone.</summary>
    public Task Completion => _completed.Task;

    public TimeSpan IdleTime => _services.Time.GetElapsedTime(Interlocked.Read(ref _lastActivity));

    public bool IsKeptAlive => _services.Time.GetTimestamp() < Interlocked.Read(ref _keepAliveUntil);

    /// <summary>Queues a call. False when the activation is leaving: the caller must re-route.</summary>
    public bool TryEnqueue(WorkItem item)
    {
        lock (_gate)
        {
            return State is ActivationState.Activating or ActivationState.Valid && _mailbox.Writer.TryWrite(item);
        }
    }

    /// <summary>Asks the activation to deactivate after the calls already queued (collection, shutdown).</summary>
    public bool ScheduleDeactivation(DeactivationReason reason)
    {
        lock (_gate)
        {
            if (State != ActivationState.Valid)
            {
                return false;
            }

            State = ActivationState.Deactivating;
            _deactivationRequested ??= reason;
            _mailbox.Writer.TryComplete();
            return true;
        }
    }

    /// <summary>Called by grain code: deactivate once the current call completes.</summary>
    public void RequestDeactivation(DeactivationReason reason) => _deactivationRequested ??= reason;

    public void DelayDeactivation(TimeSpan period) =>
        Interlocked.Exchange(ref _keepAliveUntil, _services.Time.GetTimestamp() + (long)(period.TotalSeconds * _services.Time.TimestampFrequency));

    /// <summary>Drops the activation without deactivating it: the silo crashed or was declared dead.</summary>
    public void Kill()
    {
        lock (_gate)
        {
            if (State == ActivationState.Invalid)
            {
                return;
            }

            var wasValid = State is ActivationState.Valid or ActivationState.Deactivating;
            State = ActivationState.Invalid;
            _mailbox.Writer.TryComplete();
            if (wasValid)
            {
                _services.Events.Publish(ActivationEventKind.Lost, GrainId, ActivationId, Location.Silo);
            }
        }

        _completed.TrySetResult();
    }

    public async Task RunAsync()
    {
        try
        {
            if (!await ActivateAsync().ConfigureAwait(false))
            {
                return;
            }

            await MessagePumpAsync().ConfigureAwait(false);
            await DeactivateAsync(_deactivationRequested ?? DeactivationReason.ShuttingDown).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogActivationLoopFailed(_services.Logger, ex, GrainId.ToString());
            Finish(ActivationEventKind.Lost);
        }
    }

    private async Task<bool> ActivateAsync()
    {
        using var timeout = new CancellationTokenSource(_services.CollectionOptions.ActivationTimeout);
        GrainLocation winner;
        try
        {
            winner = await _services.Directory.RegisterAsync(Location, timeout.Token).ConfigureAwait(false);
            if (winner != Location && winner.Silo == Location.Silo && _catalog.Find(winner.Grain)?.ActivationId != winner.ActivationId)
            {
                // A leftover entry of an earlier activation on this very silo (its unregistration failed): clear it.
                await _services.Directory.UnregisterAsync(winner, timeout.Token).ConfigureAwait(false);
                winner = await _services.Directory.RegisterAsync(Location, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            LogRegistrationFailed(_services.Logger, ex, GrainId.ToString());
            Abandon(item => RejectedResponse(item.Request, "The grain directory is unavailable."));
            return false;
        }

        if (winner != Location)
        {
            // Another live activation holds the grain: hand every queued call to it.
            _services.Locations.Set(GrainId, winner.Silo);
            Abandon(item => { _catalog.Dispatcher.Forward(item, winner.Silo); return null; });
            return false;
        }

        try
        {
            _grain = _services.Activator.Create(this, _registration.GrainClass, _states);
            foreach (var state in _states)
            {
                await state.ReadStateAsync(timeout.Token).ConfigureAwait(false);
            }

            await _grain.OnActivateAsync(timeout.Token).ConfigureAwait(false);
            await _services.Journal.RecordAsync(NewEvent(ActivationEventKind.Activated), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is StorageUnavailableException or InconsistentStateException)
        {
            // The store is away, or this silo lost the grain or its life meanwhile (a zombie resuming mid-activation): the
            // grain is not at fault and no call ran, so the callers re-route and try again.
            LogActivateFailed(_services.Logger, ex, GrainId.ToString());
            await UnregisterQuietlyAsync().ConfigureAwait(false);
            Abandon(item => RejectedResponse(item.Request, "The grain could not be activated here right now."));
            return false;
        }
        catch (Exception ex)
        {
            LogActivateFailed(_services.Logger, ex, GrainId.ToString());
            await UnregisterQuietlyAsync().ConfigureAwait(false);
            var error = ArgumentCodec.SerializeError(ex);
            Abandon(item => Message.Respond(item.Request, ResponseStatus.Error, Location.Silo.Id, SiloName, error));
            return false;
        }

        lock (_gate)
        {
            if (State == ActivationState.Invalid)
            {
                return false;
            }

            State = ActivationState.Valid;
        }

        _services.Events.Publish(ActivationEventKind.Activated, GrainId, ActivationId, Location.Silo);
        if (!_catalog.AcceptingActivations)
        {
            // The silo began shutting down while this activation was starting: it leaves after its queued calls.
            ScheduleDeactivation(DeactivationReason.ShuttingDown);
        }

        return true;
    }

    private async Task MessagePumpAsync()
    {
        var reader = _mailbox.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                if (State == ActivationState.Invalid)
                {
                    return;
                }

                if (_registration.IsReentrant)
                {
                    Track(ExecuteAsync(item));
                }
                else
                {
                    await ExecuteAsync(item).ConfigureAwait(false);
                }

                if (_deactivationRequested == DeactivationReason.InconsistentState)
                {
                    // The in-memory state is stale: queued calls must not see it. They are re-routed on the way out.
                    return;
                }

                if (_deactivationRequested is { } reason)
                {
                    // Calls already queued behind this one were accepted; they run before the activation leaves.
                    ScheduleDeactivation(reason);
                }
            }
        }
    }

    private async Task ExecuteAsync(WorkItem item)
    {
        var request = item.Request;
        var lease = _services.Lease;
        if (Environment.TickCount64 > item.Deadline)
        {
            item.Reply(Message.Respond(request, ResponseStatus.Expired, Location.Silo.Id, SiloName, ReadOnlyMemory<byte>.Empty));
            return;
        }

        if (!lease.IsValid)
        {
            item.Reply(RejectedResponse(request, "The silo's lease has expired."));
            return;
        }

        // One clock reading serves both the idle time and the call's duration, at each end of the call.
        var started = _services.Time.GetTimestamp();
        Interlocked.Exchange(ref _lastActivity, started);
        ResponseStatus status;
        ReadOnlyMemory<byte> body;
        if (!_registration.Interface.Methods.TryGetValue(request.Method, out var method))
        {
            status = ResponseStatus.Error;
            body = ArgumentCodec.SerializeError(new MissingMethodException(_registration.Interface.InterfaceType.Name, request.Method));
        }
        else
        {
            try
            {
                var args = ArgumentCodec.Deserialize(_services.Serializer, method, request.Body.Span);
                var result = await method.Invoker(_grain!, args).ConfigureAwait(false);
                body = method.ResultType is null ? ReadOnlyMemory<byte>.Empty : _services.Serializer.Serialize(result, method.ResultType);
                status = ResponseStatus.Ok;
            }
            catch (Exception ex)
            {
                if (ex is InconsistentStateException)
                {
                    LogInconsistentState(_services.Logger, GrainId.ToString());
                    RequestDeactivation(DeactivationReason.InconsistentState);
                }

                status = ResponseStatus.Error;
                body = ArgumentCodec.SerializeError(ex);
            }
        }

        var ended = _services.Time.GetTimestamp();
        GrainsInstruments.RecordCall(GrainId.Type, request.Method, _services.Time.GetElapsedTime(started, ended).TotalMilliseconds, status != ResponseStatus.Ok);
        Interlocked.Exchange(ref _lastActivity, ended);
        if (!lease.IsValid)
        {
            // The call ran, but this silo may already have been replaced: the result cannot be vouched for.
            item.Reply(Message.Respond(request, ResponseStatus.Unknown, Location.Silo.Id, SiloName, ReadOnlyMemory<byte>.Empty));
            return;
        }

        item.Reply(Message.Respond(request, status, Location.Silo.Id, SiloName, body));
    }

    private async Task DeactivateAsync(DeactivationReason reason)
    {
        lock (_gate)
        {
            if (State == ActivationState.Invalid)
            {
                return;
            }

            State = ActivationState.Deactivating;
            _mailbox.Writer.TryComplete();
        }

        Task[] running;
        lock (_running)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        if (_services.Lease.IsValid && reason != DeactivationReason.InconsistentState)
        {
            using var timeout = new CancellationTokenSource(_services.CollectionOptions.ActivationTimeout);
            try
            {
                await _grain!.OnDeactivateAsync(reason, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                LogDeactivateFailed(_services.Logger, ex, GrainId.ToString());
            }
        }

        try
        {
            using var timeout = new CancellationTokenSource(_services.CollectionOptions.ActivationTimeout);
            await _services.Journal.RecordAsync(NewEvent(ActivationEventKind.Deactivated), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogJournalFailed(_services.Logger, ex, GrainId.ToString());
        }

        await UnregisterQuietlyAsync().ConfigureAwait(false);
        LogDeactivated(_services.Logger, GrainId.ToString(), reason);
        Finish(ActivationEventKind.Deactivated);
    }

    private void Finish(ActivationEventKind kind)
    {
        bool wasServing;
        lock (_gate)
        {
            wasServing = State is ActivationState.Valid or ActivationState.Deactivating;
            State = ActivationState.Invalid;
            _mailbox.Writer.TryComplete();
        }

        _catalog.Remove(this);
        if (wasServing)
        {
            _services.Events.Publish(kind, GrainId, ActivationId, Location.Silo);
        }

        while (_mailbox.Reader.TryRead(out var item))
        {
            item.Reply(RejectedResponse(item.Request, "The activation was deactivated."));
        }

        _completed.TrySetResult();
    }

    /// <summary>Ends an activation that never became valid, answering each queued call with <paramref name="respond"/>.</summary>
    private void Abandon(Func<WorkItem, Message?> respond)
    {
        lock (_gate)
        {
            State = ActivationState.Invalid;
            _mailbox.Writer.TryComplete();
        }

        _catalog.Remove(this);
        while (_mailbox.Reader.TryRead(out var item))
        {
            if (respond(item) is { } response)
            {
                item.Reply(response);
            }
        }

        _completed.TrySetResult();
    }

    private async Task UnregisterQuietlyAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(_services.CollectionOptions.ActivationTimeout);
            await _services.Directory.UnregisterAsync(Location, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The entry stays until this silo reuses it or is declared dead; neither breaks single activation.
            LogUnregisterFailed(_services.Logger, ex, GrainId.ToString());
        }
    }

    private void Track(Task task)
    {
        lock (_running)
        {
            _running.Add(task);
        }

        task.ContinueWith(
            t =>
            {
                lock (_running)
                {
                    _running.Remove(t);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private ActivationEvent NewEvent(ActivationEventKind kind) =>
        new(Stopwatch.GetTimestamp(), kind, GrainId, ActivationId, Location.Silo);

    private Message RejectedResponse(Message request, string reason) =>
        Message.Respond(request, ResponseStatus.Rejected, Location.Silo.Id, SiloName, System.Text.Encoding.UTF8.GetBytes(reason));
}
