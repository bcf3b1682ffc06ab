namespace Grains.Showdown.Load;

/// <summary>
/// One user of the load: its current session token, the adds the API acknowledged (by SKU, each of one unit), and
/// what the kill did to it. Shared by the user's workers.
/// </summary>
internal sealed class ShopUser(string userId)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _acknowledged = new(StringComparer.Ordinal);
    private string? _token;
    private long _tokenIssuedAt;
    private long _firstServedAfterKill;

    public string UserId { get; } = userId;

    public string? Token
    {
        get
        {
            lock (_lock)
            {
                return _token;
            }
        }
    }

    /// <summary>A token issued before the kill stopped working after it.</summary>
    public bool SessionLost { get; private set; }

    /// <summary>When (Stopwatch timestamp) a cart request started after the kill first succeeded; 0 until then.</summary>
    public long FirstServedAfterKill => Interlocked.Read(ref _firstServedAfterKill);

    public void SignedIn(string token, long at)
    {
        lock (_lock)
        {
            _token = token;
            _tokenIssuedAt = at;
        }
    }

    /// <summary>The API answered 401 to <paramref name="token"/>: it is dropped, and counts as lost when the kill came after it was issued.</summary>
    public void Rejected(string token, long killedAt)
    {
        lock (_lock)
        {
            if (string.Equals(_token, token, StringComparison.Ordinal))
            {
                SessionLost |= killedAt != 0 && _tokenIssuedAt < killedAt;
                _token = null;
            }
        }
    }

    public void Acknowledged(string sku)
    {
        lock (_lock)
        {
            _acknowledged[sku] = _acknowledged.GetValueOrDefault(sku) + 1;
        }
    }

    public int AcknowledgedUnits(string sku)
    {
        lock (_lock)
        {
            return _acknowledged.GetValueOrDefault(sku);
        }
    }

    public IReadOnlyDictionary<string, int> AcknowledgedLines()
    {
        lock (_lock)
        {
            return new Dictionary<string, int>(_acknowledged, StringComparer.Ordinal);
        }
    }

    public void Served(long at) => Interlocked.CompareExchange(ref _firstServedAfterKill, at, 0);
}
