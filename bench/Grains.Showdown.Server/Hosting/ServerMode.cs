namespace Grains.Showdown.Server.Hosting;

public enum ServerMode
{
    /// <summary>Sessions and carts in this process's memory; lost when it dies.</summary>
    Stateful,

    /// <summary>Sessions and carts in Redis only, read and written on every request.</summary>
    Stateless,

    /// <summary>The front: forwards every request to one of <see cref="ServerOptions.Backends"/> (Grains.Proxy, as the gateway does).</summary>
    Proxy,

    /// <summary>
    /// The shop's API in a process of its own that is an Orleans client of the silos, round-robin over their client
    /// gateways: the shape the product had before its silos served the API themselves (the showdown's orleans-client).
    /// </summary>
    OrleansClient,
}
