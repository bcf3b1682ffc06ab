using Orleans.Serialization.Invocation;

namespace Grains.Shop.Contracts.Serving;

/// <summary>
/// A grain call's response to a client, tagged with the silo that produced it. Orleans tells a client nothing about
/// where its call ran, but it lets an incoming call filter replace the response, and an outgoing one read it: the silos
/// wrap what they answer clients in this (the API inside a silo is a client of the cluster too), and the API unwraps it
/// to fill its <c>X-Silo</c> header and to know whether the call ran in its own process. A caller without the
/// unwrapping filter still gets the plain result or exception, because this type forwards both.
/// </summary>
[GenerateSerializer, Alias("grains.SiloTaggedResponse")]
public sealed class SiloTaggedResponse : Response
{
    /// <summary>What the grain call produced: a result, or an exception response.</summary>
    [Id(0)]
    public Response Inner { get; set; } = Completed;

    /// <summary>The silo's name (Orleans' <c>SiloName</c>).</summary>
    [Id(1)]
    public string SiloName { get; set; } = string.Empty;

    /// <summary>The silo's address, as Orleans writes it (<c>ip:port@generation</c>): unique per silo incarnation.</summary>
    [Id(2)]
    public string SiloAddress { get; set; } = string.Empty;

    public override object? Result { get => Inner.Result; set => Inner.Result = value; }

    /// <summary>
    /// Always null: an exception travels inside <see cref="Inner"/>, so that the client's filter sees the tag before the
    /// exception is thrown to the caller (Orleans throws a response's exception before any filter could read it).
    /// </summary>
    public override Exception? Exception
    {
        get => null;
        set => Inner.Exception = value;
    }

    [return: System.Diagnostics.CodeAnalysis.MaybeNull]
    public override T GetResult<T>() => Inner.GetResult<T>();

    public override void Dispose() => Inner.Dispose();

    /// <summary>
    /// The inner response's text. Orleans formats messages, responses included, when it logs or gives up on one; the
    /// base class would read <see cref="Result"/>, which throws an exception response's exception.
    /// </summary>
    public override string ToString() => Inner.ToString();
}
