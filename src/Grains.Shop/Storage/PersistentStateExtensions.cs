namespace Grains.Shop.Storage;

internal static class PersistentStateExtensions
{
    /// <summary>
    /// Makes <paramref name="next"/> the state and writes it through. If the write fails the previous state is put back,
    /// so the activation never serves a change that was not acknowledged. State types are immutable records, which is
    /// what makes putting the old value back enough.
    /// </summary>
    public static async Task CommitAsync<TState>(this IPersistentState<TState> state, TState next)
    {
        var previous = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = previous;
            throw;
        }
    }
}
