using System.Text.Json;

namespace Sen.Web.Features.Audit;

/// <summary>The <see cref="AuditEntry.Changes"/> JSON ({ "Field": ["before", "after"] }) as rows to show.</summary>
public static class AuditChanges
{
    public sealed record Change(string Field, string? Before, string? After);

    /// <summary>The changed fields in stored order; null when the entry has none or its JSON is not of that shape (the page then shows it as stored).</summary>
    public static IReadOnlyList<Change>? Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var changes = new List<Change>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Array || property.Value.GetArrayLength() != 2)
                {
                    return null;
                }

                changes.Add(new Change(property.Name, Text(property.Value[0]), Text(property.Value[1])));
            }

            return changes;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}
