using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.IntegrationTests.Manage;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Documents;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Documents;

/// <summary>/van-ban for readers and /admin/van-ban for the newsroom, through HTTP on a real database.</summary>
public abstract class DocumentLibraryTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int nextYear = 1931;

    [Fact]
    public async Task The_list_filters_sorts_and_pages()
    {
        factory.RequireProvider();
        var year = NextYear();
        await SeedAsync(year, 22, DocumentKind.NghiQuyet, IssuingBody.TinhUy, 13);
        await SeedAsync(year, 3, DocumentKind.KetLuan, IssuingBody.BoChinhTri, 11);
        var reader = factory.CreateClient();

        var all = await reader.GetDocumentAsync($"/van-ban?nam={year}");
        Assert.Contains("25", all.QuerySelector(".result-count").Text(), StringComparison.Ordinal);
        Assert.Equal(20, Rows(all).Count);
        var second = await reader.GetDocumentAsync($"/van-ban?nam={year}&trang=2");
        Assert.Equal(5, Rows(second).Count);
        await reader.GetDocumentAsync($"/van-ban?nam={year}&trang=3", HttpStatusCode.NotFound);

        var conclusions = await reader.GetDocumentAsync($"/van-ban?nam={year}&loai=ket-luan&co-quan=bo-chinh-tri&khoa=xi");
        Assert.Equal(3, Rows(conclusions).Count);
        Assert.All(Rows(conclusions), r => Assert.EndsWith("-KL/TW", r, StringComparison.Ordinal));
        Assert.Empty(Rows(await reader.GetDocumentAsync($"/van-ban?nam={year}&loai=ket-luan&co-quan=tinh-uy")));
        Assert.Contains("22", (await reader.GetDocumentAsync($"/van-ban?nam={year}&khoa=13&trang=2")).QuerySelector(".result-count").Text(), StringComparison.Ordinal);

        // By number: 1, 2, 3 … (not "1, 10, 11"); newest and oldest by issue date.
        var byNumber = Rows(await reader.GetDocumentAsync($"/van-ban?nam={year}&loai=nghi-quyet&sap-xep=so-hieu"));
        Assert.Equal(["1-NQ/TU", "2-NQ/TU", "3-NQ/TU"], byNumber.Take(3).ToList());
        var oldest = Rows(await reader.GetDocumentAsync($"/van-ban?nam={year}&loai=nghi-quyet&sap-xep=cu-nhat"));
        Assert.Equal("1-NQ/TU", oldest[0]);
        var newest = Rows(await reader.GetDocumentAsync($"/van-ban?nam={year}&loai=nghi-quyet"));
        Assert.Equal("22-NQ/TU", newest[0]);

        // A select left on "all" sends an empty value: no filter.
        Assert.Equal(20, Rows(await reader.GetDocumentAsync($"/van-ban?nam={year}&loai=&co-quan=&khoa=")).Count);
    }

    [Theory]
    [InlineData("loai=khong-co", "Loại văn bản không hợp lệ")]
    [InlineData("loai=ket-luan&loai=chi-thi", "Loại văn bản không hợp lệ")]
    [InlineData("co-quan=%3Cscript%3E", "Cơ quan ban hành không hợp lệ")]
    [InlineData("nam=19", "Năm ban hành không hợp lệ")]
    [InlineData("nam=abcd", "Năm ban hành không hợp lệ")]
    [InlineData("nam=1200", "Năm ban hành không hợp lệ")]
    [InlineData("khoa=xxx", "Khóa không hợp lệ")]
    [InlineData("khoa=99", "Khóa không hợp lệ")]
    [InlineData("sap-xep=ngau-nhien", "Cách sắp xếp không hợp lệ")]
    [InlineData("trang=0", "Số trang không hợp lệ")]
    [InlineData("trang=abc", "Số trang không hợp lệ")]
    public async Task Malformed_filters_get_a_vietnamese_400(string query, string message)
    {
        factory.RequireProvider();
        var document = await factory.CreateClient().GetDocumentAsync("/van-ban?" + query, HttpStatusCode.BadRequest);
        Assert.Contains(message, document.QuerySelector("main").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_conclusion_has_its_page_its_pdf_and_the_seed_article_links_to_it()
    {
        factory.RequireProvider();
        var reader = factory.CreateClient(new() { AllowAutoRedirect = false });
        var page = await reader.GetDocumentAsync("/van-ban/" + DemoDocuments.SeedDocumentSlug);
        Assert.Equal("Kết luận số 62-KL/TW", page.QuerySelector("h1").Text());
        Assert.Contains("Bộ Chính trị", page.QuerySelector(".document-facts").Text(), StringComparison.Ordinal);
        var link = page.QuerySelector(".document-files a")!;
        Assert.Equal("Kết luận số 62-KL-TW.pdf", link.Text());

        using var file = await reader.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await file.Content.ReadAsByteArrayAsync(Ct))[..5], StringComparison.Ordinal);
        var disposition = file.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("ket-luan-so-62-kl-tw.pdf", disposition.FileName?.Trim('"'));
        Assert.Equal("Kết luận số 62-KL-TW.pdf", disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''K%E1%BA%BFt%20lu%E1%BA%ADn%20s%E1%BB%91%2062-KL-TW.pdf", file.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("bytes", file.Headers.AcceptRanges.Single());

        using var request = new HttpRequestMessage(HttpMethod.Get, link.GetAttribute("href"));
        request.Headers.Range = new RangeHeaderValue(0, 4);
        using var partial = await reader.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(await partial.Content.ReadAsByteArrayAsync(Ct)));
        Assert.Equal(0, partial.Content.Headers.ContentRange!.From);
        Assert.Equal(4, partial.Content.Headers.ContentRange!.To);

        // By id: the same page at its slug.
        var id = await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().LegalDocuments.Where(d => d.Slug == DemoDocuments.SeedDocumentSlug).Select(d => d.Id).SingleAsync(Ct));
        using var byId = await reader.GetAsync(new Uri($"/van-ban/{id}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.MovedPermanently, byId.StatusCode);
        Assert.Equal("/van-ban/" + DemoDocuments.SeedDocumentSlug, byId.Headers.Location?.OriginalString);
        await reader.GetDocumentAsync("/van-ban/khong-co-van-ban-nay", HttpStatusCode.NotFound);

        var seed = await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Articles
            .Where(a => a.Category!.Slug == "cong-tac-dan-van" && a.Title.StartsWith("Quế Sơn")).Select(a => a.BodyHtml).FirstAsync(Ct));
        Assert.Contains("href=\"/van-ban/ket-luan-62-kl-tw\"", seed, StringComparison.Ordinal);

        // The congress term's category page leads to the term's documents, which list the conclusion.
        var term = await reader.GetDocumentAsync("/khoa-x");
        Assert.Equal("/van-ban?khoa=x", term.QuerySelector(".term-documents a")?.GetAttribute("href"));
        Assert.Contains("62-KL/TW", Rows(await reader.GetDocumentAsync("/van-ban?khoa=x")));
    }

    [Fact]
    public async Task Writers_draft_and_submit_approvers_publish_nobody_approves_their_own_and_every_step_is_audited()
    {
        factory.RequireProvider();
        var writer = await factory.SignedInAsync(SenRoles.Writer);
        var approver = await factory.SignedInAsync(SenRoles.Approver);
        var reader = factory.CreateClient();
        var year = NextYear();
        var id = await CreateAsync(writer, year, "7-CT/TU", "Chỉ thị về công tác kiểm thử quy trình văn bản");
        Assert.Empty(Rows(await reader.GetDocumentAsync($"/van-ban?nam={year}")));

        // A writer may not publish, even their own.
        using (var refused = await writer.SubmitAsync($"/admin/van-ban/{id}?handler=Publish", []))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await writer.SubmitAsync($"/admin/van-ban/{id}?handler=Submit", [])).StatusCode);

        // Submitted: the writer can no longer edit it.
        using (var locked = await writer.SubmitAsync($"/admin/van-ban/{id}", Fields(year, "7-CT/TU", "Đổi sau khi gửi")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, locked.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await approver.SubmitAsync($"/admin/van-ban/{id}?handler=Return", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await writer.SubmitAsync($"/admin/van-ban/{id}?handler=Submit", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await approver.SubmitAsync($"/admin/van-ban/{id}?handler=Publish", [])).StatusCode);
        Assert.Equal(["7-CT/TU"], Rows(await reader.GetDocumentAsync($"/van-ban?nam={year}")));

        // An approver's own document needs another approver.
        var own = await CreateAsync(approver, year, "8-CT/TU", "Chỉ thị do người duyệt tự soạn");
        Assert.Equal(HttpStatusCode.Redirect, (await approver.SubmitAsync($"/admin/van-ban/{own}?handler=Submit", [])).StatusCode);
        using (var self = await approver.SubmitAsync($"/admin/van-ban/{own}?handler=Publish", []))
        {
            Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
            Assert.Contains("Bạn không thể tự duyệt", await self.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        var actions = await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(LegalDocument) && a.EntityId == id.ToString(CultureInfo.InvariantCulture))
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
        Assert.Equal(
            [AuditActions.DocumentCreated, AuditActions.DocumentSubmitted, AuditActions.DocumentReturned, AuditActions.DocumentSubmitted, AuditActions.DocumentPublished],
            actions);
    }

    [Fact]
    public async Task Attachments_are_checked_by_content_and_size_and_a_refused_one_leaves_nothing()
    {
        factory.RequireProvider();
        await using var app = factory.WithWebHostBuilder(b => b.UseSetting("Documents:MaxFileBytes", "4096"));
        var writer = await app.SignedInAsync(factory);
        var year = NextYear();
        var id = await CreateAsync(writer, year, "9-HD/TU", "Hướng dẫn kiểm thử tệp đính kèm");

        Assert.Equal(HttpStatusCode.Redirect, (await AttachAsync(writer, id, DocumentTestFiles.Pdf(), "Hướng dẫn số 9.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AttachAsync(writer, id, DocumentTestFiles.Docx(), "Phụ lục.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AttachAsync(writer, id, DocumentTestFiles.Xlsx(), "Biểu mẫu.xlsx")).StatusCode);

        var unsupported = "Tệp không được chấp nhận";
        foreach (var (bytes, name) in new[]
        {
            (DocumentTestFiles.Docx(), "gia-mao.pdf"),
            (DocumentTestFiles.Pdf(), "gia-mao.docx"),
            (DocumentTestFiles.Html(), "trang.pdf"),
            (DocumentTestFiles.PlainZip(), "nen.docx"),
            (DocumentTestFiles.Pdf(), "khong-duoi"),
        })
        {
            using var refused = await AttachAsync(writer, id, bytes, name);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
            Assert.Contains(unsupported, string.Join(" ", await refused.ErrorsAsync()), StringComparison.Ordinal);
        }

        using (var large = await AttachAsync(writer, id, [.. DocumentTestFiles.Pdf(), .. new byte[5000]], "lon.pdf"))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
            Assert.Contains("Tệp quá lớn", string.Join(" ", await large.ErrorsAsync()), StringComparison.Ordinal);
        }

        var files = await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().DocumentAttachments.AsNoTracking()
            .Where(a => a.DocumentId == id).OrderBy(a => a.Id).Select(a => new { a.FileName, a.Format }).ToListAsync(Ct));
        Assert.Equal(["Hướng dẫn số 9.pdf|pdf", "Phụ lục.docx|docx", "Biểu mẫu.xlsx|xlsx"], files.Select(f => f.FileName + "|" + f.Format).ToList());

        // Drafts' files are not public.
        var fileId = await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().DocumentAttachments.Where(a => a.DocumentId == id).Select(a => a.Id).FirstAsync(Ct));
        using var hidden = await app.CreateClient().GetAsync(new Uri($"/van-ban/tep/{fileId}/huong-dan.pdf", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task Search_finds_a_published_document_by_its_number_without_diacritics_with_a_label()
    {
        factory.RequireProvider();
        var reader = factory.CreateClient();
        foreach (var q in new[] { "62 kl tw", "62-KL/TW", "ket luan 62" })
        {
            var results = await reader.GetDocumentAsync("/tim-kiem?q=" + Uri.EscapeDataString(q));
            var hit = results.QuerySelectorAll(".search-results .search-hit").FirstOrDefault(h => h.QuerySelector("h2 a")?.GetAttribute("href") == "/van-ban/" + DemoDocuments.SeedDocumentSlug);
            Assert.NotNull(hit);
            Assert.Equal("Văn bản", hit.QuerySelector(".search-kind").Text());
        }

        // Taken down: gone from search at once.
        var approver = await factory.SignedInAsync(SenRoles.Approver);
        var writer = await factory.SignedInAsync(SenRoles.Writer);
        var year = NextYear();
        var id = await CreateAsync(writer, year, "77-TB/TU", "Thông báo về việc xưởng gỗ zelkovanh kiểm thử tìm kiếm");
        Assert.Equal(HttpStatusCode.Redirect, (await writer.SubmitAsync($"/admin/van-ban/{id}?handler=Submit", [])).StatusCode);
        Assert.Empty((await reader.GetDocumentAsync("/tim-kiem?q=zelkovanh")).QuerySelectorAll(".search-hit"));
        Assert.Equal(HttpStatusCode.Redirect, (await approver.SubmitAsync($"/admin/van-ban/{id}?handler=Publish", [])).StatusCode);
        Assert.Single((await reader.GetDocumentAsync("/tim-kiem?q=xuong+go+zelkovanh")).QuerySelectorAll(".search-hit"));
        Assert.Equal(HttpStatusCode.Redirect, (await approver.SubmitAsync($"/admin/van-ban/{id}?handler=Unpublish", [])).StatusCode);
        Assert.Empty((await reader.GetDocumentAsync("/tim-kiem?q=zelkovanh")).QuerySelectorAll(".search-hit"));
    }

    [Fact]
    public async Task A_cached_list_shows_a_newly_published_document_at_once()
    {
        factory.RequireProvider();
        var reader = factory.CreateClient();
        var year = NextYear();
        await SeedAsync(year, 1, DocumentKind.ThongBao, IssuingBody.TinhUy, null);
        Assert.Single(Rows(await reader.GetDocumentAsync($"/van-ban?nam={year}")));
        Assert.Single(Rows(await reader.GetDocumentAsync($"/van-ban?nam={year}")));

        var writer = await factory.SignedInAsync(SenRoles.Writer);
        var approver = await factory.SignedInAsync(SenRoles.Approver);
        var id = await CreateAsync(writer, year, "90-TB/TU", "Thông báo mới đăng");
        Assert.Equal(HttpStatusCode.Redirect, (await writer.SubmitAsync($"/admin/van-ban/{id}?handler=Submit", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await approver.SubmitAsync($"/admin/van-ban/{id}?handler=Publish", [])).StatusCode);
        Assert.Equal(2, Rows(await reader.GetDocumentAsync($"/van-ban?nam={year}")).Count);
    }

    [Theory]
    [InlineData("Number", "", "Hãy nhập số, ký hiệu văn bản.")]
    [InlineData("Kind", "khong-co", "Hãy chọn loại văn bản.")]
    [InlineData("Body", "", "Hãy chọn cơ quan ban hành.")]
    [InlineData("IssuedOn", "2019-02-30", "Hãy nhập ngày ban hành hợp lệ (năm-tháng-ngày).")]
    [InlineData("EffectiveOn", "1999-01-01", "Ngày hiệu lực không thể trước ngày ban hành.")]
    [InlineData("Term", "XXX", "Khóa không hợp lệ.")]
    [InlineData("Summary", " ", "Hãy nhập trích yếu.")]
    public async Task A_bad_document_is_refused_with_a_vietnamese_message_and_400(string field, string value, string message)
    {
        factory.RequireProvider();
        var writer = await factory.SignedInAsync(SenRoles.Writer);
        var before = await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().LegalDocuments.CountAsync(Ct));
        var fields = Fields(2019, "1-KT/TU", "Kiểm thử");
        fields[field] = value;
        using var response = await writer.SubmitAsync("/admin/van-ban/moi", fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], await response.ErrorsAsync());
        Assert.Equal(before, await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().LegalDocuments.CountAsync(Ct)));
    }

    private static int NextYear() => Interlocked.Increment(ref nextYear) + (typeof(TFactory) == typeof(PostgresAppFactory) ? 50 : 0);

    private static List<string> Rows(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll(".document-table .document-number a").Select(a => a.Text())];

    private static Dictionary<string, string> Fields(int year, string number, string summary) => new()
    {
        ["Number"] = number,
        ["Kind"] = "chi-thi",
        ["Body"] = "ban-thuong-vu-tinh-uy",
        ["IssuedOn"] = $"{year}-03-04",
        ["EffectiveOn"] = "",
        ["Term"] = "xiii",
        ["Summary"] = summary,
    };

    private static async Task<int> CreateAsync(HttpClient client, int year, string number, string summary)
    {
        using var created = await client.SubmitAsync("/admin/van-ban/moi", Fields(year, number, summary));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Location();
        Assert.EndsWith("?done=created", location, StringComparison.Ordinal);
        return int.Parse(location["/admin/van-ban/".Length..location.IndexOf('?', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
    }

    private static async Task<HttpResponseMessage> AttachAsync(HttpClient client, int id, byte[] bytes, string fileName)
    {
        var page = await client.GetDocumentAsync($"/admin/van-ban/{id}");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(TestAccounts.AntiforgeryToken(page)), "__RequestVerificationToken");
        return await client.PostAsync(new Uri($"/admin/van-ban/{id}?handler=Attach", UriKind.Relative), form, Ct);
    }

    private Task<int> SeedAsync(int year, int count, DocumentKind kind, IssuingBody body, int? term) => factory.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SenDbContext>();
        var siteId = await db.Sites.Where(s => s.Key == SiteContext.DefaultKey).Select(s => s.Id).SingleAsync(Ct);
        var symbol = kind == DocumentKind.KetLuan ? "KL/TW" : kind == DocumentKind.NghiQuyet ? "NQ/TU" : "TB/TU";
        for (var i = 1; i <= count; i++)
        {
            var number = $"{i}-{symbol}";
            db.LegalDocuments.Add(new LegalDocument
            {
                SiteId = siteId,
                Number = number,
                Sequence = i,
                Kind = kind,
                Body = body,
                IssuedOn = new DateOnly(year, 1, 1).AddDays(i),
                Term = term,
                Summary = $"Văn bản kiểm thử {number} năm {year}",
                Slug = $"kiem-thu-{Guid.NewGuid():N}",
                Status = ArticleStatus.Published,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
                PublishedAt = DateTime.UtcNow,
            });
        }

        await db.SaveChangesAsync(Ct);
        return 0;
    });
}

public sealed class SqliteDocumentLibraryTests(SqliteAppFactory factory) : DocumentLibraryTests<SqliteAppFactory>(factory);

public sealed class PostgresDocumentLibraryTests(PostgresAppFactory factory) : DocumentLibraryTests<PostgresAppFactory>(factory);
