using Sen.Web.Features.Articles;

namespace Sen.Web.Features.Documents;

/// <summary>
/// A Party or state document of the library (/van-ban): "Kết luận số 62-KL/TW" of the Bộ Chính trị.
/// Readers see it while <see cref="Status"/> is Published; the newsroom moves it through the articles' workflow
/// (<see cref="Review"/>, <see cref="OwnerId"/>, <see cref="SubmittedById"/>, see docs/DOCUMENTS.md).
/// </summary>
public sealed class LegalDocument
{
    public int Id { get; set; }

    public int SiteId { get; set; }

    /// <summary>Number and symbol as printed on the document: "62-KL/TW".</summary>
    public required string Number { get; set; }

    /// <summary>The number's leading digits (62 for "62-KL/TW"), for sorting by number; 0 when it has none.</summary>
    public int Sequence { get; set; }

    public DocumentKind Kind { get; set; }

    public IssuingBody Body { get; set; }

    public DateOnly IssuedOn { get; set; }

    public DateOnly? EffectiveOn { get; set; }

    /// <summary>The congress term (Khóa) as a number, 9 to 21; null when the document belongs to none.</summary>
    public int? Term { get; set; }

    /// <summary>Trích yếu: what the document is about, one or two sentences.</summary>
    public required string Summary { get; set; }

    public required string Slug { get; set; }

    public ArticleStatus Status { get; set; }

    public ReviewState Review { get; set; }

    public int? OwnerId { get; set; }

    public int? SubmittedById { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? PublishedAt { get; set; }

    public List<DocumentAttachment> Attachments { get; set; } = [];
}

/// <summary>A file of a document (PDF, DOC, DOCX, XLSX), stored in the media store under <see cref="StorageKey"/>.</summary>
public sealed class DocumentAttachment
{
    public int Id { get; set; }

    public int DocumentId { get; set; }

    public required string StorageKey { get; set; }

    /// <summary>The uploaded file's name, shown to readers and given back in Content-Disposition.</summary>
    public required string FileName { get; set; }

    /// <summary>The extension of the format sniffed from the content: pdf, doc, docx or xlsx.</summary>
    public required string Format { get; set; }

    public long Length { get; set; }

    public DateTime UploadedAt { get; set; }
}
