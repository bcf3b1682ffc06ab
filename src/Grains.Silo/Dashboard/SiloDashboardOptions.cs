namespace Grains.Silo.Dashboard;

/// <summary>Bound from the configuration section <c>Dashboard</c> of a silo.</summary>
public sealed class SiloDashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>
    /// Whether the silo runs its half of the Orleans dashboard. On by default: a gateway given an operator key serves
    /// the dashboard, and its data routes fail unless every silo runs it. Off only to measure what it costs.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How often the dashboard samples each silo's runtime statistics, and at most how often its overview refreshes.
    /// The dashboard's default, 1 s, made an idle cluster measurably busier (docs/dashboard.md, "Cost"); 5 s keeps the
    /// charts useful and the idle cost small.
    /// </summary>
    public TimeSpan CounterUpdateInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long after the last sign of a watching operator the silo keeps feeding the dashboard's counters (Orleans'
    /// meters, every second). Gateways repeat the sign every 30 s while someone looks at the dashboard, so keep this
    /// well above that. Nobody watching: no feeding at all (docs/dashboard.md, "Cost").
    /// </summary>
    public TimeSpan CountersIdleTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
