using Grains.Chaos.Checking;
using Grains.Chaos.Workload;

namespace Grains.Chaos.Tests;

public sealed class CartCheckerTests
{
    [Fact]
    public void A_history_whose_final_state_holds_exactly_the_acknowledged_adds_is_valid()
    {
        var h = new Histories().Add("TEA-001", 2).Add("COF-001", 1).Read().Checkout().Add("TEA-001", 3).Read();

        var check = CartChecker.Check(h.Operations, h.Finals());

        Assert.Equal(0, check.LostAcknowledgedWrites);
        Assert.Equal(0, check.UnexpectedApplications);
        Assert.Equal(0, check.StaleReads);
        Assert.Equal(3, check.AcknowledgedAdds);
        Assert.Equal(1, check.AcknowledgedCheckouts);
        Assert.Empty(check.Anomalies);
    }

    [Fact]
    public void An_acknowledged_add_missing_from_the_final_state_is_a_lost_write()
    {
        var h = new Histories().Add("TEA-001", 2).Add("TEA-001", 1);
        var final = h.Final();
        var lost = final with { Cart = final.Cart with { Items = [new CartItemView("TEA-001", null, 2, 1m, 2m)], Version = 1 } };

        var check = CartChecker.Check(h.Operations, h.Finals(lost));

        Assert.True(check.LostAcknowledgedWrites >= 1);
        Assert.NotEmpty(check.Anomalies);
    }

    [Fact]
    public void An_acknowledged_add_at_a_version_already_seen_shows_the_state_went_back()
    {
        // A crash dropped the second add after it was acknowledged; the next add is given the same version again.
        var h = new Histories().Add("TEA-001", 1).Add("TEA-001", 1);
        h.Forget("TEA-001", 1);
        h.Add("COF-001", 1);

        var check = CartChecker.Check(h.Operations, h.Finals());

        Assert.True(check.LostAcknowledgedWrites >= 2, string.Join("; ", check.Anomalies));
        Assert.Contains(check.Anomalies, a => a.Contains("overwritten", StringComparison.Ordinal));
    }

    [Fact]
    public void An_add_applied_twice_is_an_unexpected_application()
    {
        var h = new Histories().Add("TEA-001", 2);
        var final = h.Final();
        var doubled = final with { Cart = final.Cart with { Items = [new CartItemView("TEA-001", null, 4, 1m, 4m)], Version = 2 } };

        var check = CartChecker.Check(h.Operations, h.Finals(doubled));

        Assert.Equal(1, check.UnexpectedApplications);
        Assert.Equal(0, check.LostAcknowledgedWrites);
    }

    [Fact]
    public void A_failed_add_that_applied_is_an_unexpected_application()
    {
        var h = new Histories().Add("TEA-001", 1).FailedAdd("COF-001", 2);
        var final = h.Final();
        var applied = final with
        {
            Cart = final.Cart with { Items = [.. final.Cart.Items, new CartItemView("COF-001", null, 2, 1m, 2m)], Version = final.Cart.Version + 1 },
        };

        var check = CartChecker.Check(h.Operations, h.Finals(applied));

        Assert.Equal(1, check.UnexpectedApplications);
    }

    [Fact]
    public void Adds_of_unknown_outcome_may_or_may_not_apply_and_those_that_did_are_counted()
    {
        var h = new Histories()
            .Add("TEA-001", 1)
            .UnknownAdd("TEA-001", 2, applied: true)
            .UnknownAdd("TEA-001", 3, applied: false)
            .UnknownAdd("COF-001", 1, applied: true)
            .Read();

        var check = CartChecker.Check(h.Operations, h.Finals());

        Assert.Equal(0, check.LostAcknowledgedWrites);
        Assert.Equal(0, check.UnexpectedApplications);
        Assert.Equal(3, check.InfoAdds);
        Assert.Equal(2, check.InfoAddsApplied);
    }

    [Fact]
    public void Units_that_no_subset_of_unknown_adds_explains_are_unexpected()
    {
        var h = new Histories().Add("TEA-001", 1).UnknownAdd("TEA-001", 2, applied: false);
        var final = h.Final();
        var odd = final with { Cart = final.Cart with { Items = [new CartItemView("TEA-001", null, 2, 1m, 2m)], Version = 2 } };

        var check = CartChecker.Check(h.Operations, h.Finals(odd));

        Assert.Equal(1, check.UnexpectedApplications);
    }

    [Fact]
    public void A_read_older_than_an_acknowledged_write_is_stale()
    {
        var h = new Histories().Add("TEA-001", 1).Add("TEA-001", 1).Read(version: 1);

        var check = CartChecker.Check(h.Operations, h.Finals());

        Assert.Equal(1, check.StaleReads);
    }

    [Fact]
    public void An_acknowledged_checkout_whose_order_is_missing_is_a_lost_write()
    {
        var h = new Histories().Add("TEA-001", 1).Checkout();
        var final = h.Final() with { Orders = [] };

        var check = CartChecker.Check(h.Operations, h.Finals(final));

        Assert.True(check.LostAcknowledgedWrites >= 1);
    }

    [Fact]
    public void An_order_from_a_checkout_of_unknown_outcome_is_accepted_but_one_from_nowhere_is_not()
    {
        var h = new Histories().Add("TEA-001", 1).Checkout(Outcome.Info, applied: true);

        var accepted = CartChecker.Check(h.Operations, h.Finals());
        var extra = h.Final() with { Orders = [.. h.Final().Orders, new OrderView("order-x", [], 0, DateTimeOffset.UnixEpoch)] };
        var rejected = CartChecker.Check(h.Operations, h.Finals(extra));

        Assert.Equal(0, accepted.UnexpectedApplications);
        Assert.Equal(1, accepted.InfoCheckoutsApplied);
        Assert.True(rejected.UnexpectedApplications >= 1);
    }

    [Fact]
    public void A_user_whose_final_state_could_not_be_read_makes_the_run_unreadable()
    {
        var h = new Histories().Add("TEA-001", 1);

        var check = CartChecker.Check(h.Operations, new Dictionary<string, UserFinalState?>(StringComparer.Ordinal) { [h.User] = null });

        Assert.Equal(1, check.UnreadableUsers);
    }

    [Fact]
    public void A_401_after_signing_in_counts_as_a_lost_session()
    {
        var h = new Histories().Add("TEA-001", 1);
        var refused = new Operation(99, h.User, OperationKind.Read, 5_000, 5_001, Outcome.Fail, 401);

        var check = CartChecker.Check([.. h.Operations, refused], h.Finals());

        Assert.Equal(1, check.LostSessions);
        Assert.Equal(1, check.LostAcknowledgedWrites);
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3 }, 3, new[] { 1, 2 })]
    [InlineData(new[] { 2, 2 }, 3, new int[0])]
    [InlineData(new int[0], 0, new[] { 0 })]
    [InlineData(new[] { 1, 1, 1 }, 2, new[] { 2 })]
    public void Subset_counts_are_the_sizes_of_the_subsets_with_the_target_sum(int[] quantities, int target, int[] expected)
    {
        Assert.Equal(expected, CartChecker.SubsetCounts(quantities, target).Order());
    }
}
