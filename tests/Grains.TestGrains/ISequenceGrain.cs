using Grains.Runtime;

namespace Grains.TestGrains;

/// <summary>Records the order in which calls run, and how many ran at once.</summary>
public interface ISequenceGrain : IGrainWithStringKey
{
    Task AppendAsync(int value, int delayMs);

    Task<IReadOnlyList<int>> GetAsync();

    Task<int> GetMaxConcurrencyAsync();

    Task DelayAsync(int delayMs);

    /// <summary>Calls <paramref name="other"/>, which calls this grain back: a cycle.</summary>
    Task<int> CallThroughAsync(string other);

    Task<int> CallBackAsync(string origin);
}
