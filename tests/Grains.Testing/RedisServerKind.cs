namespace Grains.Testing;

public enum RedisServerKind
{
    /// <summary><c>redis-server</c> from the PATH.</summary>
    Redis,

    /// <summary>Garnet, from the repository's dotnet local tool manifest (.config/dotnet-tools.json).</summary>
    Garnet,
}
