namespace Grains.Showdown.Server.Hosting;

/// <summary>Bound from the configuration section <c>Showdown</c> (<c>--Showdown:Mode=stateless</c>).</summary>
public sealed class ServerOptions
{
    public const string SectionName = "Showdown";

    public ServerMode Mode { get; set; } = ServerMode.Stateful;

    /// <summary>
    /// Stateful only: this server's name, put in front of every token it issues (<c>route~token</c>), as a sticky
    /// cookie names its backend, so the router sends a session's requests back here.
    /// </summary>
    public string Route { get; set; } = "a";

    /// <summary>HMAC-SHA256 key of session tokens, 32+ characters, the same on both servers (stateful and stateless). Never logged.</summary>
    public string? TokenKey { get; set; }

    /// <summary>Stateless only: StackExchange.Redis configuration string. Never logged.</summary>
    public string? RedisConnectionString { get; set; }

    /// <summary>Proxy only: the servers, as <c>route=http://127.0.0.1:port</c>.</summary>
    public IList<string> Backends { get; } = [];

    /// <summary>Proxy only: send each session to the server named in its token (stateful), or round-robin.</summary>
    public bool Sticky { get; set; }

    /// <summary>Stateless only: most compare-and-set attempts of one change before it is answered with 503.</summary>
    public int MaxWriteAttempts { get; set; } = 50;

    /// <summary>Sliding idle timeout of a session, as the shop's <c>Sessions:IdleTimeout</c>.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
