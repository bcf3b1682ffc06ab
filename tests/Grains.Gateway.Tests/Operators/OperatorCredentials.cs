using System.Net.Http.Headers;
using System.Text;

namespace Grains.Gateway.Tests.Operators;

public static class OperatorCredentials
{
    /// <summary>An <c>Authorization: Basic</c> value for <paramref name="user"/> and <paramref name="password"/>.</summary>
    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    /// <summary>The right credentials for <see cref="OperatorCluster.Guarded"/>.</summary>
    public static AuthenticationHeaderValue Operator => Basic("operator", OperatorCluster.OperatorKey);
}
