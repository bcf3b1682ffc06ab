using Grains.Chaos.Checking;
using Grains.Silo.ActivationJournal;

namespace Grains.Chaos.Tests;

public sealed class ActivationCheckerTests
{
    private const string Cart = "cart/alice";

    [Fact]
    public void Activations_one_after_another_are_no_duplicates()
    {
        var journal = new[] { Start(100, "a1", "silo-a"), Answer(150, "a1", "silo-a"), Start(200, "b1", "silo-b"), Answer(250, "b1", "silo-b") };

        var check = ActivationChecker.Check(journal);

        Assert.Equal(0, check.DuplicateActivations);
        Assert.Equal(2, check.Activations);
        Assert.Equal(1, check.Grains);
    }

    [Fact]
    public void An_activation_that_answers_after_another_started_serving_is_a_duplicate()
    {
        var journal = new[] { Start(100, "a1", "silo-a"), Start(150, "b1", "silo-b"), Answer(160, "b1", "silo-b"), Answer(200, "a1", "silo-a") };

        var check = ActivationChecker.Check(journal);

        Assert.Equal(1, check.DuplicateActivations);
        var duplicate = Assert.Single(check.Duplicates);
        Assert.Contains("b1", duplicate, StringComparison.Ordinal);
        Assert.Contains("a1", duplicate, StringComparison.Ordinal);
    }

    [Fact]
    public void A_crashed_silo_s_activation_serves_until_its_last_answer()
    {
        // No line marks a crash: what the killed silo's activation served ends with the last answer that left it.
        var answeredBefore = new[] { Start(100, "a1", "silo-a"), Answer(250, "a1", "silo-a"), Start(300, "b1", "silo-b") };
        var answeredAfter = new[] { Start(100, "a1", "silo-a"), Answer(350, "a1", "silo-a"), Start(300, "b1", "silo-b") };

        Assert.Equal(0, ActivationChecker.Check(answeredBefore).DuplicateActivations);
        Assert.Equal(1, ActivationChecker.Check(answeredAfter).DuplicateActivations);
    }

    [Fact]
    public void A_zombie_whose_calls_the_lease_refused_is_no_duplicate_but_one_that_answered_is()
    {
        // The paused silo resumed after b1 had started: a call refused by its expired lease journals no answer.
        var refused = new[] { Start(100, "a1", "silo-a"), Answer(120, "a1", "silo-a"), Start(300, "b1", "silo-b"), Answer(310, "b1", "silo-b") };
        ActivationJournalEntry[] answered = [.. refused, Answer(400, "a1", "silo-a")];

        Assert.Equal(0, ActivationChecker.Check(refused).DuplicateActivations);
        Assert.Equal(1, ActivationChecker.Check(answered).DuplicateActivations);
    }

    [Fact]
    public void Every_later_activation_that_overlaps_an_earlier_one_counts()
    {
        // a1 answers after both b1 and c1 started; b1 and c1 never overlap each other's answers.
        var journal = new[]
        {
            Start(100, "a1", "silo-a"), Start(200, "b1", "silo-b"), Answer(210, "b1", "silo-b"),
            Start(300, "c1", "silo-c"), Answer(310, "c1", "silo-c"), Answer(400, "a1", "silo-a"),
        };

        Assert.Equal(2, ActivationChecker.Check(journal).DuplicateActivations);
    }

    [Fact]
    public void Activations_of_different_grains_never_overlap()
    {
        var journal = new[] { Start(100, "a1", "silo-a"), Start(150, "b1", "silo-b", "cart/bob"), Answer(200, "a1", "silo-a"), Answer(200, "b1", "silo-b") };

        Assert.Equal(0, ActivationChecker.Check(journal).DuplicateActivations);
    }

    [Fact]
    public void The_stateless_catalog_may_have_an_activation_on_every_silo()
    {
        var journal = new[]
        {
            Start(100, "a1", "silo-a", "catalog/all"), Start(150, "b1", "silo-b", "catalog/all"),
            Answer(200, "a1", "silo-a"), Answer(200, "b1", "silo-b"),
        };

        var check = ActivationChecker.Check(journal);

        Assert.Equal(0, check.DuplicateActivations);
        Assert.Equal(0, check.Activations);
    }

    [Fact]
    public void Intervals_run_from_the_start_line_to_the_last_answer_line_and_answers_without_a_start_are_left_out()
    {
        var journal = new[] { Answer(90, "x1", "silo-a"), Start(100, "a1", "silo-a"), Answer(150, "a1", "silo-a"), Answer(180, "a1", "silo-a"), Start(300, "b1", "silo-b") };

        var intervals = ActivationChecker.Intervals(journal).OrderBy(i => i.Start).ToList();

        Assert.Equal(
            [new ActivationInterval(Cart, "a1", "silo-a", 100, 180), new ActivationInterval(Cart, "b1", "silo-b", 300, null)],
            intervals);
        Assert.Equal(("cart", "alice"), (intervals[0].GrainType, intervals[0].GrainKey));
    }

    private static ActivationJournalEntry Start(long at, string activation, string silo, string grain = Cart) =>
        new(ActivationJournalEntryKind.Started, at, silo, activation, grain);

    private static ActivationJournalEntry Answer(long at, string activation, string silo) =>
        new(ActivationJournalEntryKind.Answered, at, silo, activation, null);
}
