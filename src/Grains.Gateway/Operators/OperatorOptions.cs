namespace Grains.Gateway.Operators;

/// <summary>
/// Bound from the configuration section <c>Dashboard</c>: the operator tools (the Orleans dashboard, the placement
/// view, the cluster API and the metrics scrape endpoint). They are off unless <see cref="OperatorKey"/> is set.
/// </summary>
public sealed class OperatorOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>
    /// The password of the HTTP Basic user <see cref="OperatorAuthenticationHandler.UserName"/>; 16 to 256 visible
    /// ASCII characters. Without it every operator route answers 404. Never logged.
    /// </summary>
    public string? OperatorKey { get; set; }

    /// <summary>How often the placement view's event stream sends a fresh picture of the cluster.</summary>
    public TimeSpan StreamInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many membership events the gateway keeps in memory for the timeline.</summary>
    public int EventCapacity { get; set; } = 200;

    /// <summary>
    /// Whether the gateway also hosts the Orleans dashboard at <c>/dashboard/</c> (its client half); the placement view,
    /// the cluster API and <c>/metrics</c> do not need it. Off, that half costs the gateway nothing.
    /// </summary>
    public bool OrleansDashboard { get; set; } = true;

    /// <summary>Whether the key is set, so that the operator routes exist.</summary>
    public bool Enabled => !string.IsNullOrEmpty(OperatorKey);
}
