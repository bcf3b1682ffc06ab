using Grains.Runtime.Messaging;

namespace Grains.Runtime.Activation;

/// <summary>A request waiting in an activation's mailbox, with where to send its response.</summary>
internal sealed record WorkItem(Message Request, Action<Message> Reply, long Deadline);
