namespace Grains.Benchmarks.KeyedAdds;

/// <summary>What the benchmark's idempotency keys are made of; every key is as long as the API allows.</summary>
internal enum KeyKind
{
    /// <summary>Digits and letters: stored as they are.</summary>
    Plain,

    /// <summary>Digits, then the characters the JSON encoder writes as six bytes each (<c>&lt;&gt;&amp;'"+</c>).</summary>
    Escaped,
}
