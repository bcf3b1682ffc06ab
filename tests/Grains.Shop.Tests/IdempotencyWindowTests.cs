using Grains.Shop.Carts;
using Grains.Shop.Storage;

namespace Grains.Shop.Tests;

/// <summary>Which idempotency keys a cart remembers (<see cref="IdempotencyWindow"/>), and what remembering them costs.</summary>
public sealed class IdempotencyWindowTests
{
    private const long Now = 1_796_000_000;
    private static readonly CartOptions s_options = new();
    private static readonly long s_retention = (long)s_options.IdempotencyKeyRetention.TotalSeconds;
    private static readonly IReadOnlyList<CartLineState> s_lines = [new("TEA-001", 2, 6.50m), new("COF-001", 999, 11.90m), new("MUG-001", 1, 9.00m)];

    private static IdempotencyEntry Add(int i, long at, IReadOnlyList<CartLineState>? lines = null) =>
        new(IdempotencyDigest.Key($"key-{i}"), IdempotencyDigest.Request("add TEA-001 1"), at, Lines: lines, Version: lines is null ? 0 : i);

    private static IdempotencyEntry Checkout(int i, long at) =>
        new(IdempotencyDigest.Key($"key-{i}"), null, at, Guid.CreateVersion7().ToString("N"));

    private static IReadOnlyList<IdempotencyEntry> AddAll(IEnumerable<IdempotencyEntry> entries) =>
        entries.Aggregate((IReadOnlyList<IdempotencyEntry>)[], (window, entry) => IdempotencyWindow.Add(window, entry, s_options));

    [Fact]
    public void The_window_keeps_the_newest_keys_up_to_the_limit()
    {
        var window = AddAll(Enumerable.Range(0, s_options.IdempotencyKeyLimit + 5).Select(i => Add(i, Now + i)));

        Assert.Equal(s_options.IdempotencyKeyLimit, window.Count);
        Assert.Null(IdempotencyWindow.Find(window, IdempotencyDigest.Key("key-4"), Now + 100, s_options));
        Assert.NotNull(IdempotencyWindow.Find(window, IdempotencyDigest.Key("key-5"), Now + 100, s_options));
    }

    [Fact]
    public void A_key_is_found_until_the_retention_has_passed_and_dropped_by_the_next_add_after_it()
    {
        var window = AddAll([Add(1, Now), Add(2, Now + 10)]);
        var key = IdempotencyDigest.Key("key-1");

        Assert.NotNull(IdempotencyWindow.Find(window, key, Now + s_retention, s_options));
        Assert.Null(IdempotencyWindow.Find(window, key, Now + s_retention + 1, s_options));
        Assert.Equal([IdempotencyDigest.Key("key-2"), IdempotencyDigest.Key("key-3")], IdempotencyWindow.Add(window, Add(3, Now + s_retention + 1), s_options).Select(e => e.Key));
        Assert.Single(IdempotencyWindow.Trim(window, Now + s_retention + 1, s_options));
    }

    [Fact]
    public void Only_the_newest_entry_keeps_its_result()
    {
        var window = AddAll(Enumerable.Range(0, 5).Select(i => Add(i, Now, s_lines)));

        Assert.All(window.SkipLast(1), e => Assert.True(e is { Lines: null, Version: 0 }));
        Assert.Equal(s_lines, window[^1].Lines);
    }

    [Fact]
    public void A_digest_is_of_fixed_size_and_written_by_json_as_it_is()
    {
        var digests = new[] { "a", new string('<', 128), "\"+&'>" }.Select(IdempotencyDigest.Key).ToList();

        Assert.All(digests, d => Assert.Equal(22, d.Length));
        Assert.All(digests, d => Assert.Equal($"\"{d}\"", System.Text.Json.JsonSerializer.Serialize(d)));
        Assert.Equal(3, digests.Distinct(StringComparer.Ordinal).Count());

        // Stored carts hold these: another digest would forget every remembered key.
        Assert.Equal("1S5uWjGsH5GPGlbR6ssQEQ", IdempotencyDigest.Key("add-tea-1"));
        Assert.Equal("TIeSfA4A", IdempotencyDigest.Request("add TEA-001 2"));
    }

    /// <summary>
    /// The largest record a keyed add to a cart of three lines writes: the limit of entries, all but the newest from
    /// checkouts (the largest kind), the newest an add with its cart. The command around it (EVALSHA, the key, two etags)
    /// adds about 250 bytes (docs/benchmarks.md), so the whole write stays under 4 KB.
    /// </summary>
    [Fact]
    public void A_keyed_add_to_a_cart_of_a_few_lines_writes_a_record_of_at_most_3_5_KB_whatever_the_history()
    {
        var window = AddAll([.. Enumerable.Range(0, 100).Select(i => Checkout(i, Now + i)), Add(100, Now + 100, s_lines)]);
        var cart = new CartState { Lines = s_lines, Version = long.MaxValue, IdempotencyKeys = window };

        var bytes = new ShopStateSerializer().Serialize(cart).ToMemory().Length;

        Assert.InRange(bytes, 1, 3584);
    }
}
