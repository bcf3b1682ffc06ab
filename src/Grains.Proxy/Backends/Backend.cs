namespace Grains.Proxy.Backends;

/// <summary>
/// One API server the proxy may send requests to. <see cref="Departed"/> fires when it is known to be gone (a silo
/// declared dead): requests still waiting for it are then abandoned, and retried elsewhere when that is safe.
/// </summary>
/// <param name="Key">Its routing key, which placement uses too (<see cref="Grains.Hosting.Routing.UserRouting.SiloKey(string, int)"/>).</param>
/// <param name="Url">Where it serves HTTP.</param>
/// <param name="Name">Its name, for logs and the placement view.</param>
public sealed class Backend(string key, Uri url, string name)
{
    private readonly CancellationTokenSource _departed = new();
    private long _refusedUntil;

    public string Key { get; } = key;

    public Uri Url { get; } = url;

    public string Name { get; } = name;

    /// <summary>Cancelled when the backend is gone for good; requests sent to it stop waiting.</summary>
    public CancellationToken Departed => _departed.Token;

    /// <summary>Whether it refused a connection less than the refusal penalty ago: tried last until then.</summary>
    public bool IsRefusing(long now) => now < Volatile.Read(ref _refusedUntil);

    internal void Refused(long until) => Volatile.Write(ref _refusedUntil, until);

    /// <summary>The backend is gone: its requests in flight are abandoned. The source calls it once.</summary>
    public void Depart()
    {
        try
        {
            _departed.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Departed twice; nothing more to do.
        }
    }

    public override string ToString() => $"{Name} ({Url})";
}
