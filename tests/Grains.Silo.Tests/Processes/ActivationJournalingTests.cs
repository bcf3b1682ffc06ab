using Grains.Silo.ActivationJournal;
using Xunit.Abstractions;

namespace Grains.Silo.Tests.Processes;

[Trait("Category", "Integration")]
[Collection(SiloProcessCollection.Name)]
public sealed class ActivationJournalingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_call_to_a_cart_journals_its_activation_s_start_and_answer_with_the_silo_s_name()
    {
        await using var cluster = await SiloCluster.StartAsync(new SiloClusterOptions { SiloCount = 1, Journal = true }, output);
        var cart = $"journal-{Guid.NewGuid():N}";

        var served = await cluster.AddItemAsync(cart, "TEA-001");

        Assert.Equal("silo-1", served.Silo);
        var entries = ActivationJournalEntry.ReadAll(cluster.JournalDirectory!);
        var started = Assert.Single(entries, e => e.Kind == ActivationJournalEntryKind.Started && e.Grain == $"cart/{cart}");
        Assert.Equal("silo-1", started.Silo);
        var answered = Assert.Single(entries, e => e.Kind == ActivationJournalEntryKind.Answered && e.Activation == started.Activation);
        Assert.Equal("silo-1", answered.Silo);
        Assert.True(answered.Time >= started.Time, $"answered at {answered.Time}, before the start at {started.Time}");
        Assert.True(File.Exists(Path.Combine(cluster.JournalDirectory!, "silo-1" + ActivationJournalWriter.FileExtension)));
    }
}
