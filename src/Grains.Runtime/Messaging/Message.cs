namespace Grains.Runtime.Messaging;

/// <summary>One frame on a connection. Which fields are meaningful depends on <see cref="Kind"/>.</summary>
internal sealed class Message
{
    public MessageKind Kind { get; init; }

    /// <summary>Correlates a response with its request, a pong with its ping.</summary>
    public long Id { get; set; }

    // Request fields.
    public GrainId Grain { get; init; }

    public string Method { get; init; } = string.Empty;

    /// <summary>Time left until the caller gives up, in milliseconds, as of sending. Relative, so clocks need not agree.</summary>
    public int TimeoutMs { get; set; }

    /// <summary>How many times the request was forwarded between silos.</summary>
    public byte Hops { get; set; }

    // Response fields.
    public ResponseStatus Status { get; init; }

    /// <summary>Response: the silo whose activation answered. Hello / HelloAck: the sender's identity.</summary>
    public string Sender { get; init; } = string.Empty;

    /// <summary>Response: the answering silo's name. Hello: the cluster id.</summary>
    public string SenderName { get; init; } = string.Empty;

    public ReadOnlyMemory<byte> Body { get; init; }

    public static Message Respond(Message request, ResponseStatus status, string sender, string senderName, ReadOnlyMemory<byte> body) =>
        new() { Kind = MessageKind.Response, Id = request.Id, Status = status, Sender = sender, SenderName = senderName, Body = body };
}
