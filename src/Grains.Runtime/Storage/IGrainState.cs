namespace Grains.Runtime;

/// <summary>A state value with the version stamp that storage compares on write.</summary>
public interface IGrainState<TState>
{
    TState State { get; set; }

    /// <summary>The version last read or written; null when no record exists.</summary>
    string? Etag { get; set; }

    bool RecordExists { get; set; }
}
