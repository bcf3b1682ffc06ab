namespace Grains.Hosting.Http;

/// <summary>
/// <c>X-Locality</c>: whether a silo served a request with every grain call in its own process (<c>in-process</c>) or
/// not (<c>remote</c>); absent when the request called no grain. The gateway counts it for its metrics and the
/// placement view, and takes it off the answer.
/// </summary>
public static class LocalityHeader
{
    public const string Name = "X-Locality";

    public const string InProcess = "in-process";

    public const string Remote = "remote";
}
