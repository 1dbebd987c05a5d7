using System.Globalization;

namespace Sen.Web.Features.Newsroom.Pages;

/// <summary>
/// The editor form as posted. Everything is text so a malformed value is the user's error, told next
/// to its field, never a binding failure; the publication time is entered in Vietnam time.
/// </summary>
public sealed class ArticleInput
{
    /// <summary>The datetime-local format.</summary>
    public const string LocalTimeFormat = "yyyy-MM-dd'T'HH:mm";

    public string? Title { get; set; }

    public string? Slug { get; set; }

    public string? Lead { get; set; }

    public string? BodyHtml { get; set; }

    public string? CategoryId { get; set; }

    public string? AuthorName { get; set; }

    public string? AuthorUnit { get; set; }

    public string? CoverImageUrl { get; set; }

    public string? CoverCaption { get; set; }

    public bool IsFeatured { get; set; }

    /// <summary>Vietnam time, "2026-12-02T08:30"; empty publishes at approval.</summary>
    public string? PublishAt { get; set; }

    /// <summary>The revision the form was loaded from; a save on top of a newer one is a conflict.</summary>
    public int BaseRevision { get; set; }

    public static ArticleInput From(ArticleFields fields, int baseRevision)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new()
        {
            Title = fields.Title,
            Slug = fields.Slug,
            Lead = fields.Lead,
            BodyHtml = fields.BodyHtml,
            CategoryId = fields.CategoryId.ToString(CultureInfo.InvariantCulture),
            AuthorName = fields.AuthorName,
            AuthorUnit = fields.AuthorUnit,
            CoverImageUrl = fields.CoverImageUrl,
            CoverCaption = fields.CoverCaption,
            IsFeatured = fields.IsFeatured,
            PublishAt = FormatLocal(fields.PublishAt),
            BaseRevision = baseRevision,
        };
    }

    /// <summary>The fields to save, or the field at fault and the strings.tsv key of its message.</summary>
    public (ArticleFields? Fields, FieldProblem? Problem) ToFields()
    {
        if (!int.TryParse(CategoryId, NumberStyles.None, CultureInfo.InvariantCulture, out var categoryId) || categoryId <= 0)
        {
            return (null, new(nameof(CategoryId), "Newsroom.Category.Required"));
        }

        if (!TryParseLocal(PublishAt, out var publishAt))
        {
            return (null, new(nameof(PublishAt), "Newsroom.PublishAt.Invalid"));
        }

        return (new ArticleFields(Title ?? "", Slug ?? "", Lead ?? "", BodyHtml ?? "", categoryId, AuthorName ?? "", AuthorUnit ?? "",
            CoverImageUrl, CoverCaption, IsFeatured, publishAt), null);
    }

    public static string? FormatLocal(DateTime? utc) =>
        utc is { } at ? Text.VietnamTime.ToLocal(at).ToString(LocalTimeFormat, CultureInfo.InvariantCulture) : null;

    /// <summary>Reads a datetime-local value in Vietnam time as UTC; empty is null; false when malformed.</summary>
    public static bool TryParseLocal(string? value, out DateTime? utc)
    {
        utc = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        // Browsers send seconds when the step allows them.
        string[] formats = [LocalTimeFormat, "yyyy-MM-dd'T'HH:mm:ss"];
        if (value.Length > 19 || !DateTime.TryParseExact(value.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || local.Year < 1900)
        {
            return false;
        }

        utc = Text.VietnamTime.ToUtc(local);
        return true;
    }
}

/// <summary>A form field (its input's name) and the strings.tsv key of what is wrong with it.</summary>
public sealed record FieldProblem(string Field, string MessageKey)
{
    /// <summary>The field a handler's message key is about (ArticleFields.Problem and the handlers' keys).</summary>
    public static FieldProblem? ForKey(string? key) => key switch
    {
        null => null,
        _ when key.StartsWith("Newsroom.Title.", StringComparison.Ordinal) => new(nameof(ArticleInput.Title), key),
        _ when key.StartsWith("Newsroom.Slug.", StringComparison.Ordinal) => new(nameof(ArticleInput.Slug), key),
        _ when key.StartsWith("Newsroom.Lead.", StringComparison.Ordinal) => new(nameof(ArticleInput.Lead), key),
        _ when key.StartsWith("Newsroom.Author.", StringComparison.Ordinal) => new(nameof(ArticleInput.AuthorName), key),
        _ when key.StartsWith("Newsroom.Cover.", StringComparison.Ordinal) => new(nameof(ArticleInput.CoverImageUrl), key),
        _ when key.StartsWith("Newsroom.Category.", StringComparison.Ordinal) => new(nameof(ArticleInput.CategoryId), key),
        _ when key.StartsWith("Newsroom.PublishAt.", StringComparison.Ordinal) => new(nameof(ArticleInput.PublishAt), key),
        _ => null,
    };
}
