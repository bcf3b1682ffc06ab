using System.IO.Pipelines;

namespace Grains.Runtime.Messaging;

internal sealed class StreamDuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
{
    public PipeReader Input { get; } = input;

    public PipeWriter Output { get; } = output;
}
