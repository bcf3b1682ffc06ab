using System.Text;
using Grains.Runtime.Activation;
using Grains.Runtime.Directory;
using Grains.Runtime.Hosting;
using Grains.Runtime.Membership;
using Grains.Runtime.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grains.Runtime.Messaging;

/// <summary>
/// Delivers requests that reach this silo: to a local activation (creating it if the grain has none), or on to
/// the silo that holds the grain. It answers "rejected" only for calls it did not run, so callers may re-send those.
/// </summary>
internal sealed partial class Dispatcher(
    Catalog catalog,
    GrainTypeRegistry registry,
    SiloLease lease,
    LocationCache locations,
    MembershipView view,
    ConnectionManager connections,
    LocalIdentity identity,
    IOptions<MessagingOptions> options,
    ILogger<Dispatcher> logger)
{
    /// <summary>Handles a request; <paramref name="reply"/> receives the response exactly once (unless the silo dies).</summary>
    public void Dispatch(Message request, Action<Message> reply)
    {
        var item = new WorkItem(request, reply, Environment.TickCount64 + request.TimeoutMs);
        if (!lease.IsValid)
        {
            Reject(item, "The silo is not serving: its lease has expired.");
            return;
        }

        var registration = registry.Find(request.Grain.Type);
        if (registration is null)
        {
            reply(Message.Respond(request, ResponseStatus.Error, identity.Id, identity.Name,
                ArgumentCodec.SerializeError(new InvalidOperationException($"No grain type '{request.Grain.Type}' is registered on this silo."))));
            return;
        }

        var activation = catalog.Find(request.Grain);
        if (activation is null
            && locations.TryGet(request.Grain, out var owner)
            && owner != identity.Silo
            && view.IsReachable(owner))
        {
            Forward(item, owner);
            return;
        }

        activation ??= catalog.GetOrCreate(request.Grain, registration);
        if (activation is null)
        {
            Reject(item, "The silo is shutting down and takes no new activations.");
            return;
        }

        if (!activation.TryEnqueue(item))
        {
            Reject(item, "The activation is deactivating.");
        }
    }

    public Task<Message> DispatchLocalAsync(Message request)
    {
        var completion = new TaskCompletionSource<Message>(TaskCreationOptions.RunContinuationsAsynchronously);
        Dispatch(request, response => completion.TrySetResult(response));
        return completion.Task;
    }

    /// <summary>Sends a request on to the silo that holds its grain, and relays the answer.</summary>
    public void Forward(WorkItem item, SiloAddress target)
    {
        if (item.Request.Hops >= options.Value.MaxForwardCount || target == identity.Silo)
        {
            locations.Remove(item.Request.Grain);
            Reject(item, "The call was forwarded too many times.");
            return;
        }

        _ = ForwardAsync(item, target);
    }

    private async Task ForwardAsync(WorkItem item, SiloAddress target)
    {
        var request = item.Request;
        var remaining = item.Deadline - Environment.TickCount64;
        if (remaining <= 0)
        {
            item.Reply(Message.Respond(request, ResponseStatus.Expired, identity.Id, identity.Name, ReadOnlyMemory<byte>.Empty));
            return;
        }

        var forwarded = new Message
        {
            Kind = MessageKind.Request,
            Grain = request.Grain,
            Method = request.Method,
            TimeoutMs = (int)remaining,
            Hops = (byte)(request.Hops + 1),
            Body = request.Body,
        };
        try
        {
            var connection = await connections.GetAsync(target).ConfigureAwait(false);
            var response = await connection.SendRequestAsync(forwarded, item.Deadline).ConfigureAwait(false);
            item.Reply(Message.Respond(request, response.Status, response.Sender, response.SenderName, response.Body));
        }
        catch (ConnectionFailedException ex) when (!ex.Delivered)
        {
            locations.Remove(request.Grain, target);
            Reject(item, "The silo holding the grain could not be reached.");
        }
        catch (ConnectionFailedException)
        {
            item.Reply(Message.Respond(request, ResponseStatus.Unknown, identity.Id, identity.Name, ReadOnlyMemory<byte>.Empty));
        }
        catch (GrainCallTimeoutException)
        {
            item.Reply(Message.Respond(request, ResponseStatus.Expired, identity.Id, identity.Name, ReadOnlyMemory<byte>.Empty));
        }
        catch (Exception ex)
        {
            LogForwardFailed(logger, ex, request.Grain.ToString(), target.Id);
            Reject(item, "Forwarding failed.");
        }
    }

    private void Reject(WorkItem item, string reason) =>
        item.Reply(Message.Respond(item.Request, ResponseStatus.Rejected, identity.Id, identity.Name, Encoding.UTF8.GetBytes(reason)));

    [LoggerMessage(1, LogLevel.Warning, "Forwarding a call for {Grain} to {Silo} failed.")]
    private static partial void LogForwardFailed(ILogger logger, Exception exception, string grain, string silo);
}
