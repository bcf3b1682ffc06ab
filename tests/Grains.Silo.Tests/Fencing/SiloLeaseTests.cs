using Grains.Silo.Fencing;

namespace Grains.Silo.Tests.Fencing;

public sealed class SiloLeaseTests
{
    private static readonly TimeSpan s_duration = TimeSpan.FromSeconds(1);

    private readonly ManualClock _clock = new();
    private readonly SiloLease _lease;

    public SiloLeaseTests() => _lease = new SiloLease(_clock);

    [Fact]
    public void A_new_lease_does_not_hold()
    {
        Assert.False(_lease.IsHeld);
    }

    [Fact]
    public void A_lease_holds_until_its_duration_after_the_start_of_the_confirming_read_and_not_after()
    {
        var readSent = _clock.GetTimestamp();
        // The read takes 300 ms: the lease counts from when it was sent, not from when it answered.
        _clock.Advance(TimeSpan.FromMilliseconds(300));
        _lease.Renew(readSent, s_duration);
        Assert.True(_lease.IsHeld);

        _clock.Advance(TimeSpan.FromMilliseconds(699));
        Assert.True(_lease.IsHeld);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(_lease.IsHeld);
    }

    [Fact]
    public void A_confirmation_older_than_the_duration_grants_nothing()
    {
        var readSent = _clock.GetTimestamp();
        _clock.Advance(TimeSpan.FromSeconds(2));

        _lease.Renew(readSent, s_duration);

        Assert.False(_lease.IsHeld);
    }

    [Fact]
    public void A_renewal_extends_a_lease_that_holds()
    {
        _lease.Renew(_clock.GetTimestamp(), s_duration);
        _clock.Advance(TimeSpan.FromMilliseconds(600));

        Assert.False(_lease.Renew(_clock.GetTimestamp(), s_duration), "a renewal of a lease that holds is not a regain");
        _clock.Advance(TimeSpan.FromMilliseconds(900));

        Assert.True(_lease.IsHeld);
    }

    [Fact]
    public void A_renewal_from_an_older_read_never_shortens_the_lease()
    {
        var olderRead = _clock.GetTimestamp();
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        _lease.Renew(_clock.GetTimestamp(), s_duration);

        // The older read answers last (reads may overtake each other): it must not pull the end forward.
        Assert.False(_lease.Renew(olderRead, s_duration));
        _clock.Advance(TimeSpan.FromMilliseconds(900));

        Assert.True(_lease.IsHeld);
    }

    [Fact]
    public void A_shorter_duration_never_shortens_the_lease()
    {
        _lease.Renew(_clock.GetTimestamp(), s_duration);

        _lease.Renew(_clock.GetTimestamp(), TimeSpan.FromMilliseconds(100));
        _clock.Advance(TimeSpan.FromMilliseconds(500));

        Assert.True(_lease.IsHeld);
    }

    [Fact]
    public void A_lease_lapses_during_a_pause_longer_than_its_duration_whatever_waits_on_resume()
    {
        _lease.Renew(_clock.GetTimestamp(), s_duration);
        Assert.True(_lease.IsHeld);

        // SIGSTOP for 3 s: no renewal runs, and the monotonic clock goes on.
        _clock.Advance(TimeSpan.FromSeconds(3));

        Assert.False(_lease.IsHeld);
    }

    [Fact]
    public void A_read_sent_before_a_pause_cannot_revive_the_lease_after_it()
    {
        _lease.Renew(_clock.GetTimestamp(), s_duration);
        var sentBeforePause = _clock.GetTimestamp();
        _clock.Advance(TimeSpan.FromSeconds(3));

        // Its answer, queued during the pause, is read on resume: it proves membership only at the time it was sent.
        Assert.False(_lease.Renew(sentBeforePause, s_duration));
        Assert.False(_lease.IsHeld);
    }

    [Fact]
    public void Renewing_a_lapsed_lease_reports_the_regain()
    {
        _lease.Renew(_clock.GetTimestamp(), s_duration);
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(_lease.IsHeld);

        Assert.True(_lease.Renew(_clock.GetTimestamp(), s_duration));
        Assert.True(_lease.IsHeld);
    }

    [Fact]
    public void Concurrent_renewals_keep_the_latest_end()
    {
        var start = _clock.GetTimestamp();
        var ticks = Enumerable.Range(0, 1000).Select(i => start + i).ToArray();

        Parallel.ForEach(ticks.Reverse(), tick => _lease.Renew(tick, s_duration));

        // The latest confirmation (999 us after the first) wins, whatever order the renewals ran in.
        _clock.Advance(s_duration);
        Assert.True(_lease.IsHeld);
        _clock.Advance(TimeSpan.FromMicroseconds(999));
        Assert.False(_lease.IsHeld);
    }
}
