using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sen.Web.Features.Import.Pages;

/// <summary>
/// CSS selectors for what the heuristics miss on one old portal (`--config selectors.json`), each optional:
/// <code>{ "title": "h1.tieu-de", "date": ".ngay-dang", "body": "#noi-dung", "author": ".tac-gia", "views": ".luot-xem", "breadcrumb": ".duong-dan a", "lead": ".sapo", "remove": [".chia-se"] }</code>
/// </summary>
public sealed record PageSelectors
{
    public static readonly PageSelectors None = new();

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("date")]
    public string? Date { get; init; }

    [JsonPropertyName("body")]
    public string? Body { get; init; }

    [JsonPropertyName("author")]
    public string? Author { get; init; }

    [JsonPropertyName("views")]
    public string? Views { get; init; }

    [JsonPropertyName("breadcrumb")]
    public string? Breadcrumb { get; init; }

    [JsonPropertyName("lead")]
    public string? Lead { get; init; }

    [JsonPropertyName("remove")]
    public IReadOnlyList<string> Remove { get; init; } = [];

    /// <summary>Reads the file; throws <see cref="JsonException"/> when it is not such a JSON object.</summary>
    public static PageSelectors Load(string path) =>
        JsonSerializer.Deserialize<PageSelectors>(File.ReadAllText(path), Json) ?? None;
}
