using System.Text;
using System.Text.Json;
using Grains.Testing;

namespace Grains.Gateway.Tests;

/// <summary>
/// docs/openapi.json passes Spectral's <c>spectral:oas</c> ruleset (.spectral.yaml) with no error and no warning.
/// Spectral comes from npm into tools/spectral (<c>npm ci</c>, which .ci/run does); without it the test fails.
/// </summary>
public sealed class OpenApiLintTests
{
    private static readonly TimeSpan s_lintTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task The_committed_document_passes_spectral_oas_with_no_error_or_warning()
    {
        var spectral = Path.Combine(RepositoryPaths.Root, "tools", "spectral", "node_modules", ".bin", "spectral");
        Assert.True(File.Exists(spectral), $"Spectral is not installed at {spectral}: run 'npm ci' in tools/spectral (as .ci/run does).");

        var run = await ToolRun.RunAsync(
            spectral,
            ["lint", "docs/openapi.json", "--ruleset", ".spectral.yaml", "--format", "json", "--fail-severity", "hint"],
            RepositoryPaths.Root,
            s_lintTimeout);

        // The JSON report comes first; Spectral may print a summary line after it.
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(run.Output));
        var findings = JsonElement.ParseValue(ref reader).EnumerateArray()
            .Select(f => $"{f.GetProperty("code").GetString()} at {string.Join('.', f.GetProperty("path").EnumerateArray().Select(p => p.ToString()))}: {f.GetProperty("message").GetString()}")
            .ToList();
        Assert.True(findings.Count == 0, "Spectral found:\n" + string.Join('\n', findings));
        Assert.True(run.ExitCode == 0, $"Spectral exited with {run.ExitCode}: {run.Errors}");
    }
}
