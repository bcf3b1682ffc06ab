using Grains.Runtime;
using Grains.Runtime.Directory;

namespace Grains.Redis.Tests;

/// <summary>What every <see cref="Runtime.Storage.IGrainStorage"/> must do; one subclass per implementation.</summary>
public abstract class GrainStorageContractTests : ClusterStoresTestBase
{
    private const string StateName = "cart";
    private static readonly GrainId s_grain = new("cart", "alice:{42}/x|y");

    [Fact]
    public async Task Reading_missing_state_gives_a_default_state_and_no_record()
    {
        var cluster = await NewClusterAsync();
        var state = new TestGrainState { State = new TestState { Count = 7 }, Etag = "stale", RecordExists = true };

        await cluster.Storage.ReadStateAsync(StateName, s_grain, state, default);

        Assert.False(state.RecordExists);
        Assert.Null(state.Etag);
        Assert.Equal(0, state.State.Count);
    }

    [Fact]
    public async Task Written_state_reads_back_with_the_same_etag()
    {
        var cluster = await NewClusterAsync();
        var written = new TestGrainState { State = new TestState { Count = 5, Name = "a|b \"quoted\" ü" } };

        await cluster.Storage.WriteStateAsync(StateName, s_grain, written, fence: null, default);
        var read = await ReadAsync(cluster);

        Assert.True(written.RecordExists);
        Assert.NotNull(written.Etag);
        Assert.True(read.RecordExists);
        Assert.Equal(written.Etag, read.Etag);
        Assert.Equal(5, read.State.Count);
        Assert.Equal("a|b \"quoted\" ü", read.State.Name);
    }

    [Fact]
    public async Task Every_write_changes_the_etag()
    {
        var cluster = await NewClusterAsync();
        var state = new TestGrainState();
        var etags = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < 3; i++)
        {
            state.State.Count = i;
            await cluster.Storage.WriteStateAsync(StateName, s_grain, state, fence: null, default);
            Assert.True(etags.Add(state.Etag!), "Each write stores a new etag.");
        }

        Assert.Equal(2, (await ReadAsync(cluster)).State.Count);
    }

    [Fact]
    public async Task Write_with_a_stale_etag_is_refused_and_keeps_the_stored_state()
    {
        var cluster = await NewClusterAsync();
        await cluster.Storage.WriteStateAsync(StateName, s_grain, new TestGrainState(), fence: null, default);
        var first = await ReadAsync(cluster);
        var second = await ReadAsync(cluster);
        first.State.Count = 1;
        await cluster.Storage.WriteStateAsync(StateName, s_grain, first, fence: null, default);
        var staleEtag = second.Etag;

        second.State.Count = 2;
        var refused = await Assert.ThrowsAsync<InconsistentStateException>(
            () => cluster.Storage.WriteStateAsync(StateName, s_grain, second, fence: null, default));

        Assert.Contains("Etag mismatch", refused.Message, StringComparison.Ordinal);
        Assert.Equal(first.Etag, refused.StoredEtag);
        Assert.Equal(staleEtag, refused.CurrentEtag);
        Assert.Equal(staleEtag, second.Etag);
        Assert.Equal(1, (await ReadAsync(cluster)).State.Count);
    }

    [Fact]
    public async Task Write_expecting_no_record_is_refused_when_one_exists_and_the_other_way_round()
    {
        var cluster = await NewClusterAsync();
        var existing = new TestGrainState();
        await cluster.Storage.WriteStateAsync(StateName, s_grain, existing, fence: null, default);

        var expectingNone = await Assert.ThrowsAsync<InconsistentStateException>(
            () => cluster.Storage.WriteStateAsync(StateName, s_grain, new TestGrainState(), fence: null, default));
        Assert.Equal(existing.Etag, expectingNone.StoredEtag);
        Assert.Null(expectingNone.CurrentEtag);

        var other = new GrainId("cart", "nobody");
        var expectingOne = await Assert.ThrowsAsync<InconsistentStateException>(
            () => cluster.Storage.WriteStateAsync(StateName, other, new TestGrainState { Etag = existing.Etag }, fence: null, default));
        Assert.Null(expectingOne.StoredEtag);
        Assert.Equal(existing.Etag, expectingOne.CurrentEtag);
    }

    [Fact]
    public async Task Clear_removes_the_record_and_resets_the_state()
    {
        var cluster = await NewClusterAsync();
        var state = new TestGrainState { State = new TestState { Count = 3 } };
        await cluster.Storage.WriteStateAsync(StateName, s_grain, state, fence: null, default);

        await cluster.Storage.ClearStateAsync(StateName, s_grain, state, fence: null, default);

        Assert.False(state.RecordExists);
        Assert.Null(state.Etag);
        Assert.Equal(0, state.State.Count);
        Assert.False((await ReadAsync(cluster)).RecordExists);
        await cluster.Storage.WriteStateAsync(StateName, s_grain, state, fence: null, default);
        Assert.True((await ReadAsync(cluster)).RecordExists);
    }

    [Fact]
    public async Task Clear_with_a_stale_etag_is_refused()
    {
        var cluster = await NewClusterAsync();
        var state = new TestGrainState();
        await cluster.Storage.WriteStateAsync(StateName, s_grain, state, fence: null, default);
        var stale = new TestGrainState { Etag = state.Etag };
        await cluster.Storage.WriteStateAsync(StateName, s_grain, state, fence: null, default);

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => cluster.Storage.ClearStateAsync(StateName, s_grain, stale, fence: null, default));

        Assert.Equal(state.Etag, (await ReadAsync(cluster)).Etag);
    }

    [Fact]
    public async Task Fenced_write_by_the_registered_activation_succeeds()
    {
        var cluster = await NewClusterAsync();
        var owner = await RegisterAsync(cluster, "activation-1");
        var state = new TestGrainState { State = new TestState { Count = 1 } };

        await cluster.Storage.WriteStateAsync(StateName, s_grain, state, owner, default);
        await cluster.Storage.ClearStateAsync(StateName, s_grain, state, owner, default);

        Assert.False((await ReadAsync(cluster)).RecordExists);
    }

    [Fact]
    public async Task Fenced_write_by_an_activation_that_does_not_own_the_grain_is_refused()
    {
        var cluster = await NewClusterAsync();
        var owner = await RegisterAsync(cluster, "activation-1");
        var state = new TestGrainState();

        var otherActivation = await Assert.ThrowsAsync<InconsistentStateException>(
            () => cluster.Storage.WriteStateAsync(StateName, s_grain, state, owner with { ActivationId = "activation-2" }, default));
        var unregistered = new GrainLocation(new GrainId("cart", "nobody"), owner.Silo, "activation-3");
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => cluster.Storage.WriteStateAsync(StateName, unregistered.Grain, state, unregistered, default));

        Assert.Contains("no longer owns", otherActivation.Message, StringComparison.Ordinal);
        Assert.Null(otherActivation.StoredEtag);
        Assert.False((await ReadAsync(cluster)).RecordExists);
        Assert.Null(state.Etag);
    }

    [Fact]
    public async Task Fenced_write_after_the_owner_silo_is_declared_dead_is_refused()
    {
        var cluster = await NewClusterAsync();
        var owner = await RegisterAsync(cluster, "activation-1");
        var state = new TestGrainState { State = new TestState { Count = 1 } };
        await cluster.Storage.WriteStateAsync(StateName, s_grain, state, owner, default);

        await cluster.Membership.TryDeclareDeadAsync(owner.Silo, ifSilentFor: null, default);

        state.State.Count = 2;
        var refused = await Assert.ThrowsAsync<InconsistentStateException>(
            () => cluster.Storage.WriteStateAsync(StateName, s_grain, state, owner, default));
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => cluster.Storage.ClearStateAsync(StateName, s_grain, state, owner, default));
        Assert.Contains("no longer owns", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await ReadAsync(cluster)).State.Count);
    }

    [Fact]
    public async Task Clusters_with_different_ids_do_not_see_each_other_s_state()
    {
        var one = await NewClusterAsync();
        var other = await NewClusterAsync();

        await one.Storage.WriteStateAsync(StateName, s_grain, new TestGrainState { State = new TestState { Count = 1 } }, fence: null, default);

        Assert.False((await ReadAsync(other)).RecordExists);
        Assert.True((await ReadAsync(one)).RecordExists);
    }

    private static async Task<TestGrainState> ReadAsync(ClusterStores cluster)
    {
        var state = new TestGrainState();
        await cluster.Storage.ReadStateAsync(StateName, s_grain, state, default);
        return state;
    }

    private static async Task<GrainLocation> RegisterAsync(ClusterStores cluster, string activationId)
    {
        var location = new GrainLocation(s_grain, await JoinNewSiloAsync(cluster), activationId);
        Assert.Equal(location, await cluster.Directory.RegisterAsync(location, default));
        return location;
    }
}
