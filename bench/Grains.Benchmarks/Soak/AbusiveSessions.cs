namespace Grains.Benchmarks.Soak;

/// <summary>The tokens the abusive client got, used in turn by its loops.</summary>
internal sealed class AbusiveSessions
{
    private readonly List<string> _tokens = [];
    private long _next;

    public int Count
    {
        get
        {
            lock (_tokens)
            {
                return _tokens.Count;
            }
        }
    }

    public void Add(string token)
    {
        lock (_tokens)
        {
            _tokens.Add(token);
        }
    }

    public string? Next()
    {
        lock (_tokens)
        {
            return _tokens.Count == 0 ? null : _tokens[(int)(Interlocked.Increment(ref _next) % _tokens.Count)];
        }
    }
}
