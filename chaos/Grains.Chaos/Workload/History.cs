using System.Collections.Concurrent;

namespace Grains.Chaos.Workload;

/// <summary>Every operation of a run, and every session each user signed in with. Safe to add to from many users at once.</summary>
public sealed class History
{
    private readonly ConcurrentQueue<Operation> _operations = new();
    private readonly ConcurrentDictionary<string, string> _sessionUsers = new(StringComparer.Ordinal);
    private long _nextId;

    public long NextId() => Interlocked.Increment(ref _nextId);

    public void Add(Operation operation) => _operations.Enqueue(operation);

    public void AddSession(string sessionId, string userId) => _sessionUsers[sessionId] = userId;

    /// <summary>The operations, in the order they were invoked.</summary>
    public IReadOnlyList<Operation> Operations => [.. _operations.OrderBy(o => o.InvokedAt).ThenBy(o => o.Id)];

    /// <summary>The user of each session id (session grains are keyed by session id).</summary>
    public IReadOnlyDictionary<string, string> SessionUsers => _sessionUsers;
}
