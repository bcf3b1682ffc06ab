using Grains.Chaos.Checking;
using Grains.Redis;
using Grains.Runtime;
using Grains.Runtime.Activation;
using Grains.Runtime.Membership;

namespace Grains.Chaos.Tests;

public sealed class ActivationCheckerTests
{
    private static readonly GrainId s_cart = new("cart", "alice");
    private static readonly SiloAddress s_a = new("127.0.0.1", 1, 1);
    private static readonly SiloAddress s_b = new("127.0.0.1", 2, 1);

    [Fact]
    public void Activations_one_after_another_are_no_duplicates()
    {
        var journal = new[] { Start(100, "a1", s_a), End(200, "a1", s_a), Start(200, "b1", s_b) };

        var check = ActivationChecker.Check(journal, Members(), runEnd: 1_000);

        Assert.Equal(0, check.DuplicateActivations);
        Assert.Equal(2, check.Activations);
    }

    [Fact]
    public void An_activation_that_starts_while_another_is_live_is_a_duplicate()
    {
        var journal = new[] { Start(100, "a1", s_a), Start(150, "b1", s_b), End(200, "a1", s_a) };

        var check = ActivationChecker.Check(journal, Members(), runEnd: 1_000);

        Assert.Equal(1, check.DuplicateActivations);
        Assert.Contains("b1", Assert.Single(check.Duplicates), StringComparison.Ordinal);
    }

    [Fact]
    public void A_crashed_silo_s_activations_end_when_it_was_declared_dead()
    {
        var journal = new[] { Start(100, "a1", s_a), Start(300, "b1", s_b) };

        Assert.Equal(0, ActivationChecker.Check(journal, Members(aDiedAt: 250), runEnd: 1_000).DuplicateActivations);
        Assert.Equal(1, ActivationChecker.Check(journal, Members(aDiedAt: 350), runEnd: 1_000).DuplicateActivations);
        Assert.Equal(1, ActivationChecker.Check(journal, Members(), runEnd: 1_000).DuplicateActivations);
    }

    [Fact]
    public void A_zombie_s_late_end_record_counts_only_until_its_death()
    {
        // The paused silo resumed after it was declared dead at 250 and journaled its activation's end on the way out.
        var journal = new[] { Start(100, "a1", s_a), Start(300, "b1", s_b), End(400, "a1", s_a) };

        Assert.Equal(0, ActivationChecker.Check(journal, Members(aDiedAt: 250), runEnd: 1_000).DuplicateActivations);
    }

    private static JournaledActivation Start(long at, string id, SiloAddress silo) =>
        new(DateTimeOffset.FromUnixTimeMilliseconds(at), ActivationEventKind.Activated, id, silo, s_cart);

    private static JournaledActivation End(long at, string id, SiloAddress silo) =>
        new(DateTimeOffset.FromUnixTimeMilliseconds(at), ActivationEventKind.Deactivated, id, silo, s_cart);

    private static MembershipEntry[] Members(long? aDiedAt = null) =>
    [
        new(s_a, "silo-a", aDiedAt is null ? SiloStatus.Active : SiloStatus.Dead, DateTimeOffset.UnixEpoch, DateTimeOffset.FromUnixTimeMilliseconds(aDiedAt ?? 0)),
        new(s_b, "silo-b", SiloStatus.Active, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch),
    ];
}
