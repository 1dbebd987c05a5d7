namespace Sen.Web.Features.Documents;

/// <summary>A document as lists show it.</summary>
public sealed record DocumentSummary(int Id, string Slug, string Number, DocumentKind Kind, IssuingBody Body, DateOnly IssuedOn, DateOnly? EffectiveOn, int? Term, string Summary)
{
    public string Url => DocumentUrls.Document(Slug);
}

/// <summary>Where documents and their files are.</summary>
public static class DocumentUrls
{
    public static string Document(string slug) => DocumentFilter.Path + "/" + slug;

    /// <summary>An attachment's download: its id and, for the reader's eyes and the browser's "save as", its name's slug.</summary>
    public static string File(int attachmentId, string fileName) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{DocumentFilter.Path}/tep/{attachmentId}/{FileSegment(fileName)}");

    private static string FileSegment(string fileName)
    {
        var extension = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        var name = Text.Slug.From(Path.GetFileNameWithoutExtension(fileName), 80);
        return (name.Length == 0 ? "tep" : name) + (extension.Length == 0 ? "" : "." + extension);
    }
}
