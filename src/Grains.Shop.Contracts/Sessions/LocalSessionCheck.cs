namespace Grains.Shop.Contracts.Sessions;

/// <summary>What a look at a <see cref="LocalSession"/> tells.</summary>
public enum LocalSessionCheck
{
    /// <summary>Live, and its expiry slid: the request is the session's.</summary>
    Live,

    /// <summary>Not known here, not live, or due to have its activity written: only the session grain can answer.</summary>
    AskTheGrain,
}
