namespace Grains.Silo.ActivationJournal;

/// <summary>Bound from the configuration section <c>ActivationJournal</c>; off unless a directory is given.</summary>
public sealed class ActivationJournalOptions
{
    public const string SectionName = "ActivationJournal";

    /// <summary>
    /// Where each silo appends its journal file (<c>&lt;silo name&gt;.journal</c>). Set by the chaos suite, whose processes
    /// all run on one machine and so share one wall clock; unset (the default) records nothing.
    /// </summary>
    public string? Directory { get; set; }
}
