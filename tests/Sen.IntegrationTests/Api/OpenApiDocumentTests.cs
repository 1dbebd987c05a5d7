using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Sen.IntegrationTests.Api;

/// <summary>The OpenAPI document at /openapi/v1.json describes exactly the API that answers.</summary>
public sealed class OpenApiDocumentTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_document_is_openapi_with_vietnamese_texts()
    {
        using var document = await PublicApiTests<SqliteAppFactory>.GetJsonAsync(Client(), "/openapi/v1.json");
        var root = document.RootElement;
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("API công khai của cổng thông tin", root.GetProperty("info").GetProperty("title").GetString());
        foreach (var (path, method, operation) in Operations(root))
        {
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{method} {path} has no summary");
            Assert.DoesNotContain("Api.", operation.GetProperty("summary").GetString(), StringComparison.Ordinal);
            foreach (var parameter in operation.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray() : default)
            {
                var description = parameter.GetProperty("description").GetString();
                Assert.False(string.IsNullOrWhiteSpace(description) || description.StartsWith("Api.", StringComparison.Ordinal), $"{method} {path}: parameter {parameter.GetProperty("name")} is not described");
            }

            foreach (var response in operation.GetProperty("responses").EnumerateObject())
            {
                Assert.DoesNotContain("Api.", response.Value.GetProperty("description").GetString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Every_documented_operation_answers_with_sample_parameters()
    {
        var client = Client();
        var article = await factory.PickAsync(0);
        using var document = await PublicApiTests<SqliteAppFactory>.GetJsonAsync(client, "/openapi/v1.json");
        var operations = Operations(document.RootElement).ToList();
        Assert.True(operations.Count >= 5, $"only {operations.Count} operations are documented");
        foreach (var (path, method, operation) in operations)
        {
            var url = path.Replace("{id}", article.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            var parameters = (operation.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray() : default).ToList();
            foreach (var p in parameters.Where(p => p.GetProperty("in").GetString() == "path" && p.TryGetProperty("example", out _)))
            {
                url = url.Replace("{" + p.GetProperty("name").GetString() + "}", p.GetProperty("example").ToString(), StringComparison.Ordinal);
            }

            var required = parameters
                .Where(p => p.GetProperty("in").GetString() == "query" && p.TryGetProperty("required", out var r) && r.GetBoolean())
                .Select(p => p.GetProperty("name").GetString() + "=que+son")
                .ToList();
            if (required.Count > 0)
            {
                url += "?" + string.Join('&', required);
            }

            Assert.DoesNotContain("{", url, StringComparison.Ordinal);
            using var response = method == "post" ? await VoteAsync(client, path, url) : await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {url} (documented as {path}): {(int)response.StatusCode}");
            Assert.True(operation.GetProperty("responses").TryGetProperty("200", out _), $"{path} documents no 200");
        }
    }

    [Fact]
    public async Task Every_api_endpoint_is_documented()
    {
        using var document = await PublicApiTests<SqliteAppFactory>.GetJsonAsync(Client(), "/openapi/v1.json");
        var documented = Operations(document.RootElement).Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}").ToHashSet(StringComparer.Ordinal);
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToList();
        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, e => Assert.Contains(e, documented));
        Assert.Equal(endpoints.Count, documented.Count);
    }

    private HttpClient Client()
    {
        factory.RequireProvider();
        return factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    /// <summary>The one documented write, a vote: for the poll's first option, as JSON.</summary>
    private static async Task<HttpResponseMessage> VoteAsync(HttpClient client, string path, string url)
    {
        Assert.Equal("/api/v1/polls/{pollId}/votes", path);
        using var poll = await PublicApiTests<SqliteAppFactory>.GetJsonAsync(client, url[..^"/votes".Length]);
        var option = poll.RootElement.GetProperty("options")[0].GetProperty("id").GetInt32();
        return await client.PostAsJsonAsync(new Uri(url, UriKind.Relative), new { options = new[] { option } }, Ct);
    }

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement root) =>
        root.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(m => m.Name is "get" or "post" or "put" or "patch" or "delete" or "head" or "options")
                .Select(m => (path.Name, m.Name, m.Value)));
}
