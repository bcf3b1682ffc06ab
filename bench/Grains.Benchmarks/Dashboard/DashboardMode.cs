namespace Grains.Benchmarks.Dashboard;

/// <summary>The ways the cluster runs while its CPU is measured.</summary>
internal enum DashboardMode
{
    /// <summary>Silos without the dashboard, the gateway without an operator key: the baseline.</summary>
    Off,

    /// <summary>The silos' half of the dashboard on, the gateway without an operator key: what the silos' part costs alone.</summary>
    SilosOnly,

    /// <summary>The dashboard and the operator tools on, and nobody looking.</summary>
    OnIdle,

    /// <summary>On, with one headless Chromium showing the Orleans dashboard.</summary>
    OrleansDashboardWatched,

    /// <summary>On, with one headless Chromium showing the placement view.</summary>
    PlacementWatched,
}
