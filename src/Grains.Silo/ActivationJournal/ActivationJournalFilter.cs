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
        if (!ApplicationGrains.Contains(context))
        {
            await context.Invoke();
            return;
        }

        // Taken before the call runs, written once it has run: a call the lease refused before it ran starts nothing.
        var startedAt = ActivationJournalWriter.Now();
        try
        {
            await context.Invoke();
        }
        catch (SiloLeaseExpiredException ex)
        {
            // No answer of the grain's left; but a call the lease stopped after it ran did run.
            if (ex.OutcomeUnknown)
            {
                Started(context.TargetContext, startedAt);
            }

            throw;
        }
        catch
        {
            // An exception is an answer too.
            Started(context.TargetContext, startedAt);
            Answered(context.TargetContext);
            throw;
        }

        Started(context.TargetContext, startedAt);
        Answered(context.TargetContext);
    }

    private void Started(IGrainContext activation, long startedAt)
    {
        var activationId = activation.ActivationId.ToString();
        if (_started.TryAdd(activation, activationId))
        {
            writer.Append(new ActivationJournalEntry(ActivationJournalEntryKind.Started, startedAt, _silo, activationId, activation.GrainId.ToString()));
        }
    }

    private void Answered(IGrainContext activation) =>
        writer.Append(new ActivationJournalEntry(
            ActivationJournalEntryKind.Answered, ActivationJournalWriter.Now(), _silo, activation.ActivationId.ToString(), null));
}
