namespace Grains.Runtime.Messaging;

internal enum MessageKind : byte
{
    Request = 1,
    Response = 2,
    Ping = 3,
    Pong = 4,
    Hello = 5,
    HelloAck = 6,
}
