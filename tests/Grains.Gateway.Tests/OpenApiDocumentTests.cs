using System.Net;
using System.Text.Json.Nodes;
using Grains.Gateway.Tests.Infrastructure;
using Grains.Testing;

namespace Grains.Gateway.Tests;

/// <summary>
/// The committed docs/openapi.json is what a running gateway serves at <c>/openapi/v1.json</c>, and it states the
/// contract clients generate code from: security, problem responses, headers, names. The gateway needs no silo for it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class OpenApiDocumentTests(SingleSiloCluster cluster) : IClassFixture<SingleSiloCluster>
{
    private static readonly string[] s_methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    [Fact]
    public async Task The_served_document_is_the_committed_docs_openapi_json()
    {
        var served = await ServedDocumentAsync();
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "docs", "openapi.json")));

        Assert.True(
            JsonNode.DeepEquals(served, committed),
            "docs/openapi.json differs from what the gateway serves: build src/Grains.Gateway (outside CI) to rewrite it, regenerate src/Grains.Client, and commit both.");
    }

    [Fact]
    public async Task Every_operation_has_a_name_a_summary_and_a_description()
    {
        foreach (var (name, operation) in Operations(await ServedDocumentAsync()))
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)operation["operationId"]), $"{name} has no operationId");
            Assert.False(string.IsNullOrWhiteSpace((string?)operation["summary"]), $"{name} has no summary");
            Assert.False(string.IsNullOrWhiteSpace((string?)operation["description"]), $"{name} has no description");
        }
    }

    [Fact]
    public async Task Exactly_the_operations_that_answer_401_require_the_bearer_token()
    {
        var document = await ServedDocumentAsync();
        Assert.Equal("bearer", (string?)document["components"]!["securitySchemes"]!["bearer"]!["scheme"]);
        var secured = new List<string>();
        foreach (var (name, operation) in Operations(document))
        {
            var needsToken = operation["security"]?.AsArray().Any(r => r!["bearer"] is not null) ?? false;
            Assert.True(needsToken == (operation["responses"]!["401"] is not null), $"{name}: bearer required {needsToken}, but 401 documented {!needsToken}");
            if (needsToken)
            {
                secured.Add(name);
            }
        }

        Assert.DoesNotContain("POST /api/sessions", secured);
        Assert.DoesNotContain("GET /api/products", secured);
        Assert.Contains("POST /api/cart/checkout", secured);
    }

    [Fact]
    public async Task Every_error_response_is_a_problem_and_429_and_503_say_when_to_retry()
    {
        foreach (var (name, operation) in Operations(await ServedDocumentAsync()))
        {
            var responses = operation["responses"]!.AsObject();
            Assert.True(responses.ContainsKey("503"), $"{name} does not document 503");
            foreach (var (status, response) in responses)
            {
                if (int.Parse(status, System.Globalization.CultureInfo.InvariantCulture) < 400)
                {
                    continue;
                }

                var schema = (string?)response!["content"]?["application/problem+json"]?["schema"]?["$ref"];
                Assert.True(
                    schema is "#/components/schemas/ProblemDetails" or "#/components/schemas/HttpValidationProblemDetails",
                    $"{name} {status} is not documented as application/problem+json with the ProblemDetails schema");
                Assert.Equal(status is "429" or "503", response["headers"]?["Retry-After"] is not null);
            }
        }
    }

    [Fact]
    public async Task The_document_names_no_machine_and_explains_its_headers()
    {
        var document = await ServedDocumentAsync();

        var server = Assert.Single(document["servers"]!.AsArray());
        Assert.Equal("/", (string?)server!["url"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)document["info"]!["description"]));
        Assert.NotNull(document["info"]!["license"]!["name"]);
        Assert.Contains("silo", (string?)document["components"]!["headers"]!["X-Silo"]!["description"], StringComparison.Ordinal);
        var key = Operations(document).Single(o => o.Name == "POST /api/cart/checkout").Operation["parameters"]!.AsArray()
            .Single(p => (string?)p!["name"] == "Idempotency-Key")!;
        Assert.Contains("24 hours", (string?)key["description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_order_list_takes_limit_and_cursor_and_answers_a_list_object()
    {
        var document = await ServedDocumentAsync();
        var operation = Operations(document).Single(o => o.Name == "GET /api/orders").Operation;

        var parameters = operation["parameters"]!.AsArray().ToDictionary(p => (string)p!["name"]!, p => p!, StringComparer.Ordinal);
        Assert.Equal(["cursor", "limit"], parameters.Keys.Order(StringComparer.Ordinal));
        Assert.All(parameters.Values, p => Assert.Equal("query", (string?)p["in"]));
        var limit = parameters["limit"]["schema"]!;
        Assert.Equal((1, 100, 20), ((int)limit["minimum"]!, (int)limit["maximum"]!, (int)limit["default"]!));
        Assert.Equal("#/components/schemas/HttpValidationProblemDetails", (string?)operation["responses"]!["400"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]);
        Assert.Equal("#/components/schemas/OrderList", (string?)operation["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]);
        var list = document["components"]!["schemas"]!["OrderList"]!;
        Assert.Equal(["data", "hasMore", "nextCursor"], list["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Contains("null", list["properties"]!["nextCursor"]!["type"]!.AsArray().Select(t => (string?)t));
    }

    private async Task<JsonNode> ServedDocumentAsync()
    {
        using var client = cluster.Gateway.CreateShopClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static IEnumerable<(string Name, JsonNode Operation)> Operations(JsonNode document) =>
        from path in document["paths"]!.AsObject()
        from method in path.Value!.AsObject()
        where s_methods.Contains(method.Key)
        select ($"{method.Key.ToUpperInvariant()} {path.Key}", method.Value!);
}
