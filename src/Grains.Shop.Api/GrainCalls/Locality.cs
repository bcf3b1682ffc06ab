using Grains.Hosting.Http;

namespace Grains.Shop.Api.GrainCalls;

/// <summary>Where a request's grain calls ran, as its <c>X-Locality</c> header says (<see cref="LocalityHeader"/>).</summary>
public enum Locality
{
    /// <summary>The request made no grain call that was answered (the token check failed, the input was refused).</summary>
    None,

    /// <summary>Every grain call was answered by an activation in the process that served the request.</summary>
    InProcess,

    /// <summary>At least one grain call went to another silo.</summary>
    Remote,
}

/// <summary>The header value of a <see cref="Locality"/>.</summary>
public static class LocalityExtensions
{
    public static string? ToHeaderValue(this Locality locality) => locality switch
    {
        Locality.InProcess => LocalityHeader.InProcess,
        Locality.Remote => LocalityHeader.Remote,
        _ => null,
    };
}
