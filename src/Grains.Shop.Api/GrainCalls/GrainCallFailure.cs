namespace Grains.Shop.Api.GrainCalls;

/// <summary>What a failed grain call tells about its effect, which decides whether running it again is harmless.</summary>
public enum GrainCallFailure
{
    /// <summary>Not a failure of the cluster: the grain refused the request, or a bug. Never retried.</summary>
    Final,

    /// <summary>The call certainly did not run: a silo refused it or it was never delivered. Always safe to send again.</summary>
    NotRun,

    /// <summary>The call may or may not have taken effect. Sent again only when the request is safe to repeat.</summary>
    OutcomeUnknown,
}
