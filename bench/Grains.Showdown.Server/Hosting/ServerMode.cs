namespace Grains.Showdown.Server.Hosting;

public enum ServerMode
{
    /// <summary>Sessions and carts in this process's memory; lost when it dies.</summary>
    Stateful,

    /// <summary>Sessions and carts in Redis only, read and written on every request.</summary>
    Stateless,

    /// <summary>The front: forwards every request to one of <see cref="ServerOptions.Backends"/>.</summary>
    Router,
}
