using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using Grains.Runtime.Directory;
using Grains.Runtime.Hosting;
using Grains.Runtime.Invocation;
using Grains.Runtime.Membership;
using Grains.Runtime.Placement;
using Grains.Runtime.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grains.Runtime.Messaging;

/// <summary>
/// Sends grain calls, from a silo or a client. It routes to the silo last seen answering for the grain, else to the
/// silo placement picks; the receiving silo activates or forwards. Calls that certainly did not run (refused
/// connection, rejection, unsent when a connection broke) are re-sent until the call's deadline; a call that may
/// have run when its silo failed surfaces as <see cref="SiloUnavailableException"/> with OutcomeUnknown set.
/// </summary>
internal sealed partial class RuntimeClient : IClusterClient
{
    private readonly ConcurrentDictionary<GrainMethod, Func<RuntimeClient, GrainMethod, GrainId, object?[], object>> _callFactories = new();
    private readonly ConcurrentDictionary<string, long> _suspectUntil = new(StringComparer.Ordinal);
    private readonly MembershipView _view;
    private readonly ConnectionManager _connections;
    private readonly LocationCache _locations;
    private readonly IPlacementDirector _placement;
    private readonly GrainSerializer _serializer;
    private readonly LocalIdentity _identity;
    private readonly MessagingOptions _options;
    private readonly Lazy<Dispatcher?> _localDispatcher;
    private readonly ILogger<RuntimeClient> _logger;

    /// <summary>When the latest suspicion ends; from then on no silo is suspect and calls skip the lookup.</summary>
    private long _suspicionsEnd;

    public RuntimeClient(
        MembershipView view,
        ConnectionManager connections,
        LocationCache locations,
        IPlacementDirector placement,
        GrainSerializer serializer,
        LocalIdentity identity,
        IOptions<MessagingOptions> options,
        Lazy<Dispatcher?> localDispatcher,
        ILogger<RuntimeClient> logger)
    {
        _view = view;
        _connections = connections;
        _locations = locations;
        _placement = placement;
        _serializer = serializer;
        _identity = identity;
        _options = options.Value;
        _localDispatcher = localDispatcher;
        _logger = logger;
        _connections.ConnectionFailed += OnConnectionFailed;
    }

    public IReadOnlyList<MembershipEntry> ActiveSilos => [.. _view.Members.Where(m => m.Status == SiloStatus.Active)];

    public IReadOnlyList<MembershipEntry> Members => _view.Members;

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(primaryKey);
        var grainInterface = GrainInterface.For(typeof(TGrainInterface));
        var proxy = DispatchProxy.Create<TGrainInterface, GrainReferenceProxy>();
        ((GrainReferenceProxy)(object)proxy).Initialize(grainInterface, new GrainId(grainInterface.GrainType, primaryKey), this);
        return proxy;
    }

    /// <summary>Turns a proxy invocation into a task of the method's own return type.</summary>
    internal object CreateCall(GrainMethod method, GrainId grain, object?[] args)
    {
        switch (method.Kind)
        {
            case ReturnKind.Task:
                return InvokeAsync<object?>(method, grain, args);
            case ReturnKind.ValueTask:
                return new ValueTask(InvokeAsync<object?>(method, grain, args));
            default:
                var factory = _callFactories.GetOrAdd(method, static m =>
                {
                    var calls = typeof(TypedCalls<>).MakeGenericType(m.ResultType!);
                    var field = calls.GetField(m.Kind == ReturnKind.TaskOfT ? nameof(TypedCalls<object>.ForTask) : nameof(TypedCalls<object>.ForValueTask))!;
                    return (Func<RuntimeClient, GrainMethod, GrainId, object?[], object>)field.GetValue(null)!;
                });
                return factory(this, method, grain, args);
        }
    }

    /// <summary>Makes the call; <typeparamref name="T"/> is the method's result type (any type for methods without one).</summary>
    internal async Task<T> InvokeAsync<T>(GrainMethod method, GrainId grain, object?[] args)
    {
        var body = ArgumentCodec.Serialize(_serializer, method, args);
        var deadline = Environment.TickCount64 + (long)_options.ResponseTimeout.TotalMilliseconds;
        var unavailableSince = 0L;
        var attempt = 0;
        while (true)
        {
            var now = Environment.TickCount64;
            if (now >= deadline)
            {
                throw new GrainCallTimeoutException($"{grain}.{method.Name} did not complete within {_options.ResponseTimeout}.");
            }

            var target = ChooseSilo(grain);
            if (target is null)
            {
                unavailableSince = unavailableSince == 0 ? now : unavailableSince;
                if (now - unavailableSince >= _options.UnavailableTimeout.TotalMilliseconds)
                {
                    throw new SiloUnavailableException($"No silo could take {grain}.{method.Name}; it did not run.", outcomeUnknown: false);
                }

                await BackoffAsync(attempt++, deadline).ConfigureAwait(false);
                continue;
            }

            var request = new Message
            {
                Kind = MessageKind.Request,
                Grain = grain,
                Method = method.Name,
                TimeoutMs = (int)Math.Min(int.MaxValue, deadline - now),
                Body = body,
            };

            Message response;
            try
            {
                response = await SendAsync(target, request, deadline).ConfigureAwait(false);
            }
            catch (ConnectionFailedException ex) when (!ex.Delivered)
            {
                Suspect(target);
                _locations.Remove(grain, target);
                unavailableSince = unavailableSince == 0 ? now : unavailableSince;
                if (now - unavailableSince >= _options.UnavailableTimeout.TotalMilliseconds)
                {
                    throw new SiloUnavailableException($"No silo could take {grain}.{method.Name}; it did not run.", outcomeUnknown: false);
                }

                await BackoffAsync(attempt++, deadline).ConfigureAwait(false);
                continue;
            }
            catch (GrainCallTimeoutException ex)
            {
                throw new GrainCallTimeoutException($"{grain}.{method.Name} did not complete within {_options.ResponseTimeout}; it may or may not have run.", ex);
            }
            catch (ConnectionFailedException)
            {
                _locations.Remove(grain, target);
                throw new SiloUnavailableException($"Silo {target} failed while running {grain}.{method.Name}; it may or may not have run.", outcomeUnknown: true);
            }

            switch (response.Status)
            {
                case ResponseStatus.Ok:
                    unavailableSince = 0;
                    if (SiloAddressOf(response) is { } served && !(_locations.TryGet(grain, out var known) && known == served))
                    {
                        // Only when it changed: a write counts the cache's entries, which locks the whole dictionary.
                        _locations.Set(grain, served);
                    }

                    GrainCallScope.Current?.Record(response.SenderName);
                    return method.ResultType is null ? default! : _serializer.Deserialize<T>(response.Body.Span)!;
                case ResponseStatus.Error:
                    GrainCallScope.Current?.Record(response.SenderName);
                    var error = ArgumentCodec.DeserializeError(response.Body.Span);
                    throw new GrainException(error.Types, error.Message, grain, method.Name);
                case ResponseStatus.Rejected:
                    LogRejected(_logger, grain.ToString(), target.Id, Encoding.UTF8.GetString(response.Body.Span));
                    _locations.Remove(grain);
                    if (!_view.IsActive(target))
                    {
                        Suspect(target);
                    }

                    unavailableSince = unavailableSince == 0 ? now : unavailableSince;
                    if (now - unavailableSince >= _options.UnavailableTimeout.TotalMilliseconds)
                    {
                        throw new SiloUnavailableException($"Every silo refused {grain}.{method.Name}; it did not run.", outcomeUnknown: false);
                    }

                    await BackoffAsync(attempt++, deadline).ConfigureAwait(false);
                    continue;
                case ResponseStatus.Unknown:
                    _locations.Remove(grain);
                    throw new SiloUnavailableException($"Silo {response.Sender} lost its lease while running {grain}.{method.Name}; it may or may not have run.", outcomeUnknown: true);
                default:
                    throw new GrainCallTimeoutException($"{grain}.{method.Name} did not complete within {_options.ResponseTimeout}.");
            }
        }
    }

    private Task<Message> SendAsync(SiloAddress target, Message request, long deadline)
    {
        if (_identity.Silo is { } self && target == self && _localDispatcher.Value is { } dispatcher)
        {
            return WithDeadline(dispatcher.DispatchLocalAsync(request), deadline);
        }

        // The usual case, an established connection, needs no async step of its own.
        return _connections.TryGetOpen(target, out var connection)
            ? connection.SendRequestAsync(request, deadline)
            : SendRemoteAsync(target, request, deadline);
    }

    private async Task<Message> SendRemoteAsync(SiloAddress target, Message request, long deadline)
    {
        var connection = await _connections.GetAsync(target).ConfigureAwait(false);
        return await connection.SendRequestAsync(request, deadline).ConfigureAwait(false);
    }

    private static async Task<Message> WithDeadline(Task<Message> call, long deadline)
    {
        var remaining = deadline - Environment.TickCount64;
        try
        {
            return await call.WaitAsync(TimeSpan.FromMilliseconds(Math.Max(0, remaining))).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new GrainCallTimeoutException("The call did not complete before its deadline.", ex);
        }
    }

    private SiloAddress? ChooseSilo(GrainId grain)
    {
        var now = Environment.TickCount64;
        if (_locations.TryGet(grain, out var cached) && _view.IsReachable(cached) && !IsSuspect(cached, now))
        {
            return cached;
        }

        return Place(grain, now);
    }

    /// <summary>Apart from <see cref="ChooseSilo"/>, so that the cached path does not allocate the closure these lambdas share.</summary>
    private SiloAddress? Place(GrainId grain, long now)
    {
        var candidates = _view.ActiveSilos;
        if (candidates.Any(s => IsSuspect(s, now)))
        {
            // Avoid silos that just failed us, unless no other is left: then trying them again beats giving up.
            var trusted = candidates.Where(s => !IsSuspect(s, now)).ToList();
            candidates = trusted.Count > 0 ? trusted : candidates;
        }

        return candidates.Count == 0 ? null : _placement.SelectSilo(grain, candidates);
    }

    private SiloAddress? SiloAddressOf(Message response)
    {
        if (_identity.Silo is { } self && string.Equals(response.Sender, self.Id, StringComparison.Ordinal))
        {
            return self;
        }

        return _view.Find(response.Sender)?.Silo;
    }

    private bool IsSuspect(SiloAddress silo, long now) =>
        now < Volatile.Read(ref _suspicionsEnd) && _suspectUntil.TryGetValue(silo.Id, out var until) && until > now;

    /// <summary>Keeps calls away from a silo that just failed us, until the membership view has had time to catch up.</summary>
    private void Suspect(SiloAddress silo)
    {
        var until = Environment.TickCount64 + 1000;
        _suspectUntil[silo.Id] = until;
        long end;
        do
        {
            end = Volatile.Read(ref _suspicionsEnd);
        }
        while (end < until && Interlocked.CompareExchange(ref _suspicionsEnd, until, end) != end);
    }

    private void OnConnectionFailed(SiloAddress silo, ConnectionFailure failure)
    {
        if (failure != ConnectionFailure.Lost)
        {
            Suspect(silo);
        }
    }

    private static Task BackoffAsync(int attempt, long deadline)
    {
        var delay = Math.Min(200, 5 << Math.Min(attempt, 6)) + Random.Shared.Next(5);
        var remaining = deadline - Environment.TickCount64;
        return Task.Delay(TimeSpan.FromMilliseconds(Math.Max(0, Math.Min(delay, remaining))));
    }

    [LoggerMessage(1, LogLevel.Debug, "Silo {Silo} did not take a call for {Grain}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string grain, string silo, string reason);

    /// <summary>Typed call starters, built once per result type so that a call needs no reflection.</summary>
    private static class TypedCalls<T>
    {
        public static readonly Func<RuntimeClient, GrainMethod, GrainId, object?[], object> ForTask =
            static (client, method, grain, args) => client.InvokeAsync<T>(method, grain, args);

        public static readonly Func<RuntimeClient, GrainMethod, GrainId, object?[], object> ForValueTask =
            static (client, method, grain, args) => new ValueTask<T>(client.InvokeAsync<T>(method, grain, args));
    }
}
