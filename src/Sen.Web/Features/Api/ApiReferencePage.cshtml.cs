using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using Sen.Web.Infrastructure.Caching;

namespace Sen.Web.Features.Api;

/// <summary>
/// The API's reference for people, at /tai-lieu-api: every path, method, parameter and response of the
/// generated OpenAPI document (the same one /openapi/v1.json serves), with an example request. Rendered on
/// the server, no script, cached like the other public pages.
/// </summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class ApiReferencePageModel : PageModel
{
    public const string Path = "/tai-lieu-api";

    public sealed record Parameter(string Name, string In, bool Required, string Type, string Description);

    public sealed record ResponseRow(string Status, string Description);

    public sealed record Operation(string Anchor, string Method, string Path, string Summary, string Description, IReadOnlyList<Parameter> Parameters, IReadOnlyList<ResponseRow> Responses, string Example);

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    public IReadOnlyList<Operation> Operations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var provider = HttpContext.RequestServices.GetRequiredKeyedService<IOpenApiDocumentProvider>(PublicApi.DocumentName);
        var document = await provider.GetOpenApiDocumentAsync(cancellationToken);
        Title = document.Info?.Title ?? "";
        Description = document.Info?.Description ?? "";
        var operations = new List<Operation>();
        foreach (var (path, item) in document.Paths.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (item.Operations is null)
            {
                continue;
            }

            foreach (var (method, operation) in item.Operations)
            {
                var verb = method.ToString().ToUpperInvariant();
                var parameters = (operation.Parameters ?? [])
                    .Select(p => new Parameter(
                        p.Name ?? "",
                        p.In?.ToString().ToLowerInvariant() ?? "",
                        p.Required,
                        Describe(p.Schema),
                        p.Description ?? ""))
                    .ToList();
                var responses = operation.Responses?
                    .OrderBy(r => r.Key, StringComparer.Ordinal)
                    .Select(r => new ResponseRow(r.Key, r.Value.Description ?? ""))
                    .ToList() ?? [];
                operations.Add(new Operation(
                    Anchor(verb, path), verb, path, operation.Summary ?? "", operation.Description ?? "", parameters, responses, Example(path, operation)));
            }
        }

        Operations = operations;
    }

    private static string Describe(IOpenApiSchema? schema)
    {
        if (schema is null)
        {
            return "";
        }

        var type = schema.Type?.ToString().ToLowerInvariant() ?? "";
        return string.IsNullOrEmpty(schema.Format) ? type : $"{type} ({schema.Format})";
    }

    /// <summary>"get-api-v1-articles-id": an id for the section, so each operation can be linked to.</summary>
    private static string Anchor(string method, string path) =>
        string.Concat((method + path).ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Trim('-').Replace("--", "-", StringComparison.Ordinal);

    /// <summary>The path with its parameters' examples filled in, and the query parameters that have one.</summary>
    private static string Example(string path, OpenApiOperation operation)
    {
        var url = path;
        var query = new List<KeyValuePair<string, string?>>();
        foreach (var p in operation.Parameters ?? [])
        {
            if (p.Name is not { } name || p.Example?.ToString() is not { Length: > 0 } example)
            {
                continue;
            }

            var value = example.Trim('"');
            if (p.In == ParameterLocation.Path)
            {
                url = url.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
            }
            else
            {
                query.Add(new(name, value));
            }
        }

        return QueryHelpers.AddQueryString(url, query);
    }
}
