namespace Grains.Silo.ActivationJournal;

public enum ActivationJournalEntryKind
{
    /// <summary>The activation's first call that ran began at this time: from here on it serves its grain.</summary>
    Started,

    /// <summary>A call on the activation passed the lease check after it ran, and its answer is about to leave.</summary>
    Answered,
}
