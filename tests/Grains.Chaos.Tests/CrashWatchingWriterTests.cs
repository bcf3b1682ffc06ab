using Grains.Chaos.Cluster;

namespace Grains.Chaos.Tests;

public sealed class CrashWatchingWriterTests
{
    [Fact]
    public void The_line_dotnet_writes_for_an_unhandled_exception_is_reported_and_every_line_reaches_the_log()
    {
        var crashes = new List<ProcessCrash>();
        using var log = new StringWriter();
        using var writer = TextWriter.Synchronized(new CrashWatchingWriter("silo-2", log, crashes.Add));

        writer.WriteLine("17:36:11.454 warn: Orleans.Runtime.MembershipService.ProbingSiloHealthMonitor[1608519026]");
        writer.WriteLine("Unhandled exception. Grains.Shop.Contracts.Serving.SiloLeaseExpiredException: The silo does not hold its lease; the call did not run.");
        writer.WriteLine("   at Grains.Silo.Fencing.LeaseCallFilter.Invoke(IIncomingGrainCallContext context)");

        var crash = Assert.Single(crashes);
        Assert.Equal("silo-2", crash.Process);
        Assert.StartsWith("Unhandled exception. Grains.Shop.Contracts.Serving.SiloLeaseExpiredException", crash.Line, StringComparison.Ordinal);
        Assert.Equal(3, log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Orleans_stopping_a_silo_told_it_is_dead_is_no_crash()
    {
        var crashes = new List<ProcessCrash>();
        using var writer = new CrashWatchingWriter("silo-3", log: null, crashes.Add);

        // What Environment.FailFast writes for Orleans' fatal error handler.
        writer.WriteLine("Process terminated.");
        writer.WriteLine("FATAL EXCEPTION from Orleans.Runtime.MembershipService.MembershipTableManager. Context: I have been told I am dead, so this silo will stop!");
        writer.WriteLine("   at Orleans.Runtime.FatalErrorHandler.OnFatalException(Object sender, String context, Exception exception)");

        Assert.Empty(crashes);
    }
}
