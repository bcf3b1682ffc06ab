using Grains.Silo.ActivationJournal;

namespace Grains.Silo.Tests.Processes;

/// <summary>The checker the zombie test relies on: it must find a stale answer when there is one.</summary>
public sealed class StaleAnswersTests
{
    private static ActivationJournalEntry Start(long time, string silo, string activation, string grain = "cart/alice") =>
        new(ActivationJournalEntryKind.Started, time, silo, activation, grain);

    private static ActivationJournalEntry Answer(long time, string silo, string activation) =>
        new(ActivationJournalEntryKind.Answered, time, silo, activation, null);

    [Fact]
    public void Answers_of_an_old_activation_before_the_new_one_started_are_not_stale()
    {
        Assert.Empty(StaleAnswers.Find([Start(10, "silo-1", "@old"), Answer(11, "silo-1", "@old"), Start(20, "silo-2", "@new"), Answer(21, "silo-2", "@new")]));
    }

    [Fact]
    public void An_answer_of_an_old_activation_after_the_new_one_started_is_stale()
    {
        var stale = StaleAnswers.Find([Start(10, "silo-1", "@old"), Start(20, "silo-2", "@new"), Answer(25, "silo-1", "@old")]);

        var line = Assert.Single(stale);
        Assert.Contains("@old on silo-1 answered at 25, 5 us after activation @new on silo-2", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Activations_of_other_grains_do_not_count()
    {
        Assert.Empty(StaleAnswers.Find([Start(10, "silo-1", "@old"), Start(20, "silo-2", "@bob", "cart/bob"), Answer(25, "silo-1", "@old")]));
    }

    [Fact]
    public void An_answer_whose_start_line_is_missing_is_ignored()
    {
        Assert.Empty(StaleAnswers.Find([Start(20, "silo-2", "@new"), Answer(25, "silo-1", "@torn")]));
    }

    [Fact]
    public void Activations_are_counted_per_grain()
    {
        var counts = StaleAnswers.ActivationsPerGrain([Start(10, "silo-1", "@old"), Start(20, "silo-2", "@new"), Start(20, "silo-2", "@bob", "cart/bob")]);

        Assert.Equal(2, counts["cart/alice"]);
        Assert.Equal(1, counts["cart/bob"]);
    }
}
