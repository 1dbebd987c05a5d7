namespace Sen.Web.Features.Media;

public enum MediaKind
{
    Image = 1,
    File = 2,
}

/// <summary>A kind of content Sen accepts, as recognized from the bytes (<see cref="MediaSniffer"/>).</summary>
public sealed record MediaFormat(string Name, MediaKind Kind, string ContentType, string Extension)
{
    public static readonly MediaFormat Jpeg = new("JPEG", MediaKind.Image, "image/jpeg", "jpg");
    public static readonly MediaFormat Png = new("PNG", MediaKind.Image, "image/png", "png");
    public static readonly MediaFormat Gif = new("GIF", MediaKind.Image, "image/gif", "gif");
    public static readonly MediaFormat Webp = new("WebP", MediaKind.Image, "image/webp", "webp");
    public static readonly MediaFormat Pdf = new("PDF", MediaKind.File, "application/pdf", "pdf");
    public static readonly MediaFormat Docx = new("DOCX", MediaKind.File, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");
    public static readonly MediaFormat Xlsx = new("XLSX", MediaKind.File, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
    public static readonly MediaFormat Doc = new("DOC", MediaKind.File, "application/msword", "doc");
    public static readonly MediaFormat Xls = new("XLS", MediaKind.File, "application/vnd.ms-excel", "xls");

    public bool IsImage => Kind == MediaKind.Image;
}
