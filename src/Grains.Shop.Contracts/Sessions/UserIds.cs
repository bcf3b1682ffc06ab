namespace Grains.Shop.Contracts.Sessions;

/// <summary>The shape of a user id, checked by the gateway and again by the session grain.</summary>
public static class UserIds
{
    public const int MaxLength = 64;

    /// <summary>1-64 characters of ASCII letters, digits and <c>. _ - @</c>.</summary>
    public static bool IsValid(string? userId) =>
        userId is { Length: > 0 and <= MaxLength } && userId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@');
}
