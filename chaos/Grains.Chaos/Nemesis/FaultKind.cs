namespace Grains.Chaos.Nemesis;

public enum FaultKind
{
    /// <summary><c>kill -9</c> a silo, then start a replacement.</summary>
    Kill,

    /// <summary>SIGTERM a silo (a graceful stop), then start a replacement.</summary>
    Terminate,

    /// <summary>
    /// SIGSTOP a silo past the failure-detection time, then SIGCONT it: a zombie that must learn it was declared dead
    /// and stop by itself (Orleans ends it with FailFast). Then start a replacement.
    /// </summary>
    Pause,

    /// <summary><c>kill -9</c> a gateway, then start it again on its port.</summary>
    Gateway,

    /// <summary><c>kill -9</c> Redis and start it again from its append-only file.</summary>
    Redis,
}
