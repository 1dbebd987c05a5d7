using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Localization;
using Microsoft.OpenApi;

namespace Sen.Web.Features.Api;

/// <summary>
/// Writes the OpenAPI document's Vietnamese texts from strings.tsv: the document's title and description,
/// each operation's summary and description (<c>Api.Op.{EndpointName}.*</c>), its query parameters
/// (<see cref="ApiParameters"/>, described by <c>Api.Param.{name}</c>) and its responses (<c>Api.Response.{status}</c>).
/// </summary>
internal sealed class ApiDocumentTransformer(IStringLocalizer<SharedResource> text) : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = text["Api.Doc.Title"],
            Description = text["Api.Doc.Description"],
            Version = PublicApi.DocumentName,
        };
        return Task.CompletedTask;
    }

    /// <summary>A parameter's description: <c>Api.Param.{operation}.{name}</c> where one name means something else there (sap-xep), else <c>Api.Param.{name}</c>.</summary>
    private string ParameterText(string? operation, string? parameter)
    {
        var own = text[$"Api.Param.{operation}.{parameter}"];
        return own.ResourceNotFound ? text[$"Api.Param.{parameter}"] : own;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var name = metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName;
        if (name is not null)
        {
            operation.Summary = text[$"Api.Op.{name}.Summary"];
            operation.Description = text[$"Api.Op.{name}.Description"];
        }

        if (metadata.OfType<ApiRequestBody>().LastOrDefault() is { } body)
        {
            operation.RequestBody = body.ToOpenApi(text[body.DescriptionKey]);
        }

        operation.Parameters ??= [];
        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
        {
            parameter.Description = ParameterText(name, parameter.Name);
        }

        foreach (var p in metadata.OfType<ApiParameters>().LastOrDefault()?.Items ?? [])
        {
            var schema = new OpenApiSchema { Type = p.Type == "integer" ? JsonSchemaType.Integer : JsonSchemaType.String, Format = p.Format };
            if (p.InPath)
            {
                foreach (var existing in operation.Parameters.OfType<OpenApiParameter>().Where(e => e.Name == p.Name))
                {
                    existing.Schema = schema;
                    existing.Example = p.Example is null ? null : JsonValue.Create(p.Example);
                }

                continue;
            }

            operation.Parameters.Add(new OpenApiParameter
            {
                Name = p.Name,
                In = ParameterLocation.Query,
                Required = p.Required,
                Description = ParameterText(name, p.Name),
                Schema = schema,
                Example = p.Example is null ? null : JsonValue.Create(p.Example),
            });
        }

        if (operation.Responses is { } responses)
        {
            foreach (var (status, response) in responses)
            {
                if (response is OpenApiResponse described)
                {
                    described.Description = text[$"Api.Response.{status}"];
                }
            }
        }

        return Task.CompletedTask;
    }
}
