namespace Grains.Gateway.Errors;

/// <summary>What a client is told about a failure. Texts are fixed here; exception messages never reach a client.</summary>
public sealed record Problem(int Status, string Title, string Detail, bool RetryLater = false);
