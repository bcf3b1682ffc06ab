using Grains.Runtime;

namespace Grains.TestGrains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> AddAsync(int amount);

    Task<int> GetAsync();

    Task<string> WhereAsync();

    Task FailAsync(string message);

    Task DeactivateAsync();
}
