using Microsoft.OpenApi;

namespace Sen.Web.Features.Api;

/// <summary>
/// The JSON body an endpoint reads itself (so routing does not filter by content type), as the OpenAPI document
/// describes it: an object with the given properties, all required; <c>DescriptionKey</c> is a strings.tsv key.
/// </summary>
public sealed record ApiRequestBody(string DescriptionKey, IReadOnlyList<(string Name, string Type)> Properties)
{
    public static ApiRequestBody Json(string descriptionKey, params (string Name, string Type)[] properties) => new(descriptionKey, properties);

    public OpenApiRequestBody ToOpenApi(string description) => new()
    {
        Required = true,
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/json"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string>(Properties.Select(p => p.Name), StringComparer.Ordinal),
                    Properties = Properties.ToDictionary(p => p.Name, p => (IOpenApiSchema)SchemaOf(p.Type), StringComparer.Ordinal),
                },
            },
        },
    };

    private static OpenApiSchema SchemaOf(string type) => type switch
    {
        "integer[]" => new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.Integer } },
        "integer" => new OpenApiSchema { Type = JsonSchemaType.Integer },
        _ => new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
