using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Import;
using Sen.Web.Features.Media;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Documents;

/// <summary>
/// Demo documents for a new portal, among them the seed article's "Kết luận số 62-KL/TW" with a small
/// generated PDF, and a link to it from the seed article. Runs once, while the site has no documents.
/// </summary>
public sealed class DemoDocuments(SenDbContext db, IMediaStore store, TimeProvider clock, ILogger<DemoDocuments> logger)
{
    public const string SeedDocumentSlug = "ket-luan-62-kl-tw";

    private sealed record Demo(DocumentKind Kind, string Number, IssuingBody Body, DateOnly Issued, int? Term, string Summary, string? FileName);

    private static readonly Demo[] All =
    [
        new(DocumentKind.KetLuan, "62-KL/TW", IssuingBody.BoChinhTri, new DateOnly(2009, 12, 8), 10,
            "Kết luận của Bộ Chính trị về đổi mới nội dung, phương thức hoạt động của Mặt trận Tổ quốc Việt Nam và các đoàn thể chính trị - xã hội.",
            "Kết luận số 62-KL-TW.pdf"),
        new(DocumentKind.ChiThi, "05-CT/TW", IssuingBody.BoChinhTri, new DateOnly(2016, 5, 15), 12,
            "Chỉ thị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.", null),
        new(DocumentKind.NghiQuyet, "04-NQ/TW", IssuingBody.BanChapHanhTrungUong, new DateOnly(2016, 10, 30), 12,
            "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương khóa XII về tăng cường xây dựng, chỉnh đốn Đảng.", null),
        new(DocumentKind.QuyDinh, "102-QĐ/TW", IssuingBody.BanChapHanhTrungUong, new DateOnly(2017, 11, 15), 12,
            "Quy định xử lý kỷ luật đảng viên vi phạm.", null),
        new(DocumentKind.HuongDan, "01-HD/TU", IssuingBody.BanThuongVuTinhUy, new DateOnly(2020, 3, 2), 13,
            "Hướng dẫn tổ chức đại hội đảng bộ các cấp tiến tới Đại hội đại biểu Đảng bộ tỉnh lần thứ XXII (dữ liệu mẫu).", null),
    ];

    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        var site = await db.Sites.FirstOrDefaultAsync(s => s.Key == SiteContext.DefaultKey, cancellationToken).ConfigureAwait(false);
        if (site is null || await db.LegalDocuments.AnyAsync(d => d.SiteId == site.Id, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var documents = new List<LegalDocument>();
        foreach (var demo in All)
        {
            var document = new LegalDocument
            {
                SiteId = site.Id,
                Number = demo.Number,
                Sequence = DocumentFields.SequenceOf(demo.Number),
                Kind = demo.Kind,
                Body = demo.Body,
                IssuedOn = demo.Issued,
                EffectiveOn = demo.Issued,
                Term = demo.Term,
                Summary = demo.Summary,
                Slug = Text.Slug.From(DocumentVocabulary.KindKeys[demo.Kind] + " " + demo.Number, 100),
                Status = ArticleStatus.Draft,
                Review = ReviewState.None,
                CreatedAt = now,
                UpdatedAt = now,
            };
            if (demo.FileName is not null)
            {
                var pdf = SamplePdf(DocumentVocabulary.Name(demo.Kind, demo.Number));
                var key = MediaKeys.File(Convert.ToHexStringLower(SHA256.HashData(pdf)), demo.FileName, MediaFormat.Pdf);
                await store.SaveAsync(key, new MemoryStream(pdf, writable: false), cancellationToken).ConfigureAwait(false);
                document.Attachments.Add(new DocumentAttachment { StorageKey = key, FileName = demo.FileName, Format = MediaFormat.Pdf.Extension, Length = pdf.Length, UploadedAt = now });
            }

            documents.Add(document);
        }

        db.LegalDocuments.AddRange(documents);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        // Published by a second save, so the search index learns them (SearchIndexSync indexes saved documents).
        foreach (var document in documents)
        {
            document.Status = ArticleStatus.Published;
            document.PublishedAt = now;
        }

        await LinkSeedArticleAsync(site.Id, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Loaded {Count} demo documents.", documents.Count);
        return true;
    }

    // The seed article names the conclusion in its first paragraph: that mention becomes a link to the document.
    private async Task LinkSeedArticleAsync(int siteId, CancellationToken cancellationToken)
    {
        var articles = await db.Articles
            .Where(a => a.SiteId == siteId && a.Category!.Slug == DemoContentSeeder.SeedArticleCategorySlug)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var article in articles.Where(a => a.BodyHtml.Contains("62-KL/TW", StringComparison.Ordinal)))
        {
            article.BodyHtml = LinkFirstMention(article.BodyHtml);
        }
    }

    /// <summary>The body with its first "Kết luận số 62-KL/TW" (any case of "số") outside a link made a link to the document.</summary>
    public static string LinkFirstMention(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        foreach (var mention in new[] { "Kết luận Số 62-KL/TW", "Kết luận số 62-KL/TW" })
        {
            var at = html.IndexOf(mention, StringComparison.Ordinal);
            if (at >= 0 && !html.Contains("href=\"" + DocumentUrls.Document(SeedDocumentSlug) + "\"", StringComparison.Ordinal))
            {
                return html[..at] + "<a href=\"" + DocumentUrls.Document(SeedDocumentSlug) + "\">" + mention + "</a>" + html[(at + mention.Length)..];
            }
        }

        return html;
    }

    /// <summary>A one-page PDF saying, in ASCII, which document it stands for: enough to download and open.</summary>
    public static byte[] SamplePdf(string title)
    {
        var text = Text.VietnameseText.Fold(title).ToUpperInvariant() + " - DU LIEU MAU / SAMPLE";
        text = new string([.. text.Where(c => c is >= ' ' and <= '~' && c is not ('(' or ')' or '\\'))]);
        var stream = string.Create(CultureInfo.InvariantCulture, $"BT /F1 14 Tf 72 770 Td ({text}) Tj ET");
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            string.Create(CultureInfo.InvariantCulture, $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream"),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}

/// <summary>Loads the demo documents after the demo content, unless Database:SeedDemoContent is off.</summary>
internal sealed class SeedDemoDocumentsOnStart(DemoDocuments demo) : IDatabaseStartupTask
{
    public int Order => IDatabaseStartupTask.ContentOrder + 10;

    public async Task RunAsync(DatabaseOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.SeedDemoContent)
        {
            await demo.SeedIfEmptyAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
