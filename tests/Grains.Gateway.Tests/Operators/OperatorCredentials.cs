using System.Net.Http.Headers;
using System.Text;
using Grains.Gateway.Tests.Infrastructure;

namespace Grains.Gateway.Tests.Operators;

public static class OperatorCredentials
{
    /// <summary>An <c>Authorization: Basic</c> value for <paramref name="user"/> and <paramref name="password"/>.</summary>
    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    /// <summary>The right credentials for <see cref="OperatorCluster.Guarded"/>.</summary>
    public static AuthenticationHeaderValue Operator => Basic("operator", OperatorCluster.OperatorKey);

    /// <summary>A client of <paramref name="gateway"/> that sends <see cref="Operator"/> with every request.</summary>
    public static HttpClient CreateOperatorClient(this GatewayProcess gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = Operator;
        return client;
    }
}
