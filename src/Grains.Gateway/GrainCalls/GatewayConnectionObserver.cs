namespace Grains.Gateway.GrainCalls;

/// <summary>
/// Orleans tells a client when one of its gateway connections closes; a <c>kill -9</c>ed silo closes its connections at
/// once, so this is the quickest sign of a crash the gateway gets.
/// </summary>
public sealed class GatewayConnectionObserver(InFlightCalls inFlight) : IClusterConnectionStatusObserver
{
    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        if (currentNumberOfGateways < previousNumberOfGateways)
        {
            inFlight.FailureSeen();
        }
    }

    public void NotifyClusterConnectionLost() => inFlight.FailureSeen();
}
