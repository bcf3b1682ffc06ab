using Microsoft.Extensions.Options;

namespace Grains.Hosting.Configuration;

/// <summary>
/// A bad setting is the operator's to fix: a process that finds one at start says which key and why on one line each,
/// without a stack trace, and ends with exit code 2.
/// </summary>
public static class InvalidConfiguration
{
    public const int ExitCode = 2;

    /// <summary>The failures <paramref name="exception"/> reports when it is a bad setting; null for any other error.</summary>
    public static IReadOnlyList<string>? Failures(Exception exception) => exception switch
    {
        OptionsValidationException invalid => [.. invalid.Failures],

        // Several sections were invalid at once.
        AggregateException all when all.InnerExceptions.All(e => e is OptionsValidationException) =>
            [.. all.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)],

        // The configuration binder could not convert a value (its message names the key and the type it wanted).
        InvalidOperationException { InnerException: FormatException or OverflowException or ArgumentException } => [exception.Message],
        _ => null,
    };

    public static async Task<int> ReportAsync(string process, IEnumerable<string> failures)
    {
        await Console.Error.WriteLineAsync(
            $"The {process}'s configuration is invalid:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", failures)}").ConfigureAwait(false);
        return ExitCode;
    }
}
