using System.Runtime.CompilerServices;
using Grains.Shop.Contracts.Serving;
using Grains.Silo.Serving;

namespace Grains.Silo.ActivationJournal;

/// <summary>
/// Records, through one grain call filter and no code in any grain, when each activation began serving and when each of
/// its answers left, so that the chaos suite can check across processes that no call completed on an activation after
/// another activation of its grain had started serving. Registered before the lease filter, so it sees a call's answer
/// only once the lease was checked again after the call ran.
/// </summary>
public sealed class ActivationJournalFilter(ActivationJournalWriter writer, ILocalSiloDetails localSilo) : IIncomingGrainCallFilter
{
    private readonly ConditionalWeakTable<IGrainContext, string> _started = [];
    private readonly string _silo = localSilo.Name;

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!ApplicationGrains.Contains(context.TargetId))
        {
            await context.Invoke();
            return;
        }

        var activation = context.TargetContext;
        var activationId = activation.ActivationId.ToString();
        if (_started.TryAdd(activation, activationId))
        {
            writer.Append(new ActivationJournalEntry(
                ActivationJournalEntryKind.Started, ActivationJournalWriter.Now(), _silo, activationId, activation.GrainId.ToString()));
        }

        try
        {
            await context.Invoke();
        }
        catch (SiloLeaseExpiredException)
        {
            // Refused by the lease: no answer of the grain's left.
            throw;
        }
        catch
        {
            // An exception is an answer too.
            Answered(activationId);
            throw;
        }

        Answered(activationId);
    }

    private void Answered(string activationId) =>
        writer.Append(new ActivationJournalEntry(ActivationJournalEntryKind.Answered, ActivationJournalWriter.Now(), _silo, activationId, null));
}
