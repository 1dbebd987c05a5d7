using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.IntegrationTests.Accounts;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Audit;
using Sen.Web.Infrastructure.Data;
using Sen.Web.Text;

namespace Sen.IntegrationTests.Audit;

/// <summary>The administrator's audit log page and its CSV export: who may see them, filters, bad filters, the file.</summary>
public abstract class AuditLogPageTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private const string Page = "/admin/nhat-ky";
    private const string Export = "/admin/nhat-ky/xuat.csv";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Page)]
    [InlineData(Export)]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string url)
    {
        factory.RequireProvider();
        using var response = await factory.NewsroomClient().GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/dang-nhap?ReturnUrl=" + Uri.EscapeDataString(url), response.Headers.Location!.PathAndQuery());
    }

    [Theory]
    [InlineData(SenRoles.Writer)]
    [InlineData(SenRoles.Approver)]
    public async Task Writers_and_approvers_are_refused_the_page_and_the_export_with_403(string role)
    {
        factory.RequireProvider();
        var client = await SignedInAsync(role);
        var dashboard = await client.GetDocumentAsync("/admin");
        Assert.Null(dashboard.QuerySelector($"a[href='{Page}']"));
        foreach (var url in new[] { Page, Export, Export + "?hanh-dong=article.publish" })
        {
            using var refused = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/admin/khong-du-quyen", refused.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
            await client.GetDocumentAsync(refused.Headers.Location!.PathAndQuery(), HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task Filters_by_user_action_item_vietnam_dates_and_text_combine()
    {
        factory.RequireProvider();
        var marker = Marker();
        var seeded = await SeedAsync(marker);
        var client = await SignedInAsync(SenRoles.Admin);

        var all = await client.GetDocumentAsync($"{Page}?q={marker}");
        Assert.Equal(["C", "A", "B"], Summaries(all, marker));
        Assert.NotNull(all.QuerySelector($"nav a[href='{Page}'][aria-current=page]"));

        Assert.Equal(["C", "A"], Summaries(await client.GetDocumentAsync($"{Page}?q={marker}&nguoi-dung={seeded.UserA}"), marker));
        Assert.Equal(["A"], Summaries(await client.GetDocumentAsync($"{Page}?q={marker}&nguoi-dung={seeded.UserA}&hanh-dong=article.publish"), marker));
        Assert.Equal(["C"], Summaries(await client.GetDocumentAsync($"{Page}?q={marker}&doi-tuong=User"), marker));

        // A's moment is 9 March in UTC but 10 March in Vietnam; B's is 9 March 23:30 in Vietnam.
        Assert.Equal(["A"], Summaries(await client.GetDocumentAsync($"{Page}?q={marker}&tu-ngay=2026-03-10&den-ngay=2026-03-10"), marker));
        Assert.Equal(["A", "B"], Summaries(await client.GetDocumentAsync($"{Page}?q={marker}&tu-ngay=09/03/2026&den-ngay=10/03/2026"), marker));
        Assert.Equal(["C", "A"], Summaries(await client.GetDocumentAsync($"{Page}?q={marker}&tu-ngay=10/03/2026"), marker));
        Assert.Empty(Summaries(await client.GetDocumentAsync($"{Page}?q={marker}&nguoi-dung={seeded.UserB}&doi-tuong=User"), marker));

        // The text filter is a plain substring of the summary.
        Assert.Equal(["A"], Summaries(await client.GetDocumentAsync($"{Page}?q={Uri.EscapeDataString(marker + " A: Hội nghị")}"), marker));
        Assert.Empty(Summaries(await client.GetDocumentAsync($"{Page}?q={Uri.EscapeDataString(marker + " A: Hội nghị tổng kết năm")}"), marker));

        // Changes show as a before/after table; the form keeps what was asked.
        var filtered = await client.GetDocumentAsync($"{Page}?q={marker}&hanh-dong=article.publish&tu-ngay=2026-03-10");
        var row = Assert.Single(filtered.QuerySelectorAll(".audit-table > tbody > tr"));
        Assert.Equal("Xuất bản", row.QuerySelectorAll("td")[2].Text());
        Assert.Equal("00:30 | 10/03/2026", row.QuerySelector("time")!.Text());
        Assert.Equal("từ 203.0.113.7", row.QuerySelector(".admin-hint")!.Text());
        var change = Assert.Single(row.QuerySelectorAll(".audit-changes tbody tr"));
        Assert.Equal(["Title", "Tiêu đề cũ", "Tiêu đề mới"], change.Children.Select(c => c.Text()));
        Assert.Equal("article.publish", filtered.QuerySelector("#audit-action option[selected]")!.GetAttribute("value"));
        Assert.Equal("2026-03-10", filtered.QuerySelector("#audit-from")!.GetAttribute("value"));
        Assert.Equal(marker, filtered.QuerySelector("#audit-text")!.GetAttribute("value"));
        Assert.Contains("hanh-dong=article.publish", filtered.QuerySelector($"a[href^='{Export}']")!.GetAttribute("href"), StringComparison.Ordinal);

        // Nothing on the page changes an entry: its only form that posts is signing out.
        Assert.Equal([AccountsServiceCollectionExtensions.SignOutPath], all.QuerySelectorAll("form[method=post]").Select(f => f.GetAttribute("action")));
    }

    [Fact]
    public async Task Pages_of_fifty_newest_first_with_the_pager_keeping_the_filters()
    {
        factory.RequireProvider();
        var marker = Marker();
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            var start = new DateTime(2026, 4, 1, 1, 0, 0, DateTimeKind.Utc);
            for (var i = 0; i < ReadAuditLog.PageSize + 3; i++)
            {
                db.AuditEntries.Add(new AuditEntry { At = start.AddMinutes(i), Action = AuditActions.ArticleSaved, Summary = $"{marker} {i:D3}", UserName = "x" });
            }

            return await db.SaveChangesAsync(Ct);
        });
        var client = await SignedInAsync(SenRoles.Admin);
        var first = await client.GetDocumentAsync($"{Page}?q={marker}");
        Assert.Equal(ReadAuditLog.PageSize, first.QuerySelectorAll(".audit-table > tbody > tr").Length);
        Assert.Equal("53 mục", first.QuerySelector(".audit-summary [role=status]")!.Text());
        var next = first.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal($"{Page}?q={marker}&trang=2", next);
        var second = await client.GetDocumentAsync(next);
        Assert.Equal([$"{marker} 002", $"{marker} 001", $"{marker} 000"], second.QuerySelectorAll(".audit-table > tbody > tr").Select(r => r.QuerySelectorAll("td")[4].Text()));
        await client.GetDocumentAsync($"{Page}?q={marker}&trang=3", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("tu-ngay=31/02/2026", "Ngày không hợp lệ")]
    [InlineData("den-ngay=hom-qua", "Ngày không hợp lệ")]
    [InlineData("tu-ngay=2026-03-10&den-ngay=2026-03-01", "Khoảng thời gian không hợp lệ")]
    [InlineData("hanh-dong=article.hack", "Hành động cần lọc không có trong nhật ký")]
    [InlineData("nguoi-dung=abc", "Người dùng cần lọc không hợp lệ")]
    [InlineData("nguoi-dung=99999999999", "Bộ lọc không hợp lệ")]
    [InlineData("hanh-dong=article.save&hanh-dong=article.publish", "Bộ lọc không hợp lệ")]
    [InlineData("trang=99999999999", "Số trang không hợp lệ")]
    [InlineData("trang=0", "Số trang không hợp lệ")]
    public async Task Malformed_filters_are_a_400_that_says_why_in_vietnamese(string query, string message)
    {
        factory.RequireProvider();
        var client = await SignedInAsync(SenRoles.Admin);
        var page = await client.GetDocumentAsync($"{Page}?{query}", HttpStatusCode.BadRequest);
        Assert.Contains(message, page.Body!.Text(), StringComparison.Ordinal);
        if (!query.StartsWith("trang", StringComparison.Ordinal))
        {
            var refused = await client.GetDocumentAsync($"{Export}?{query}", HttpStatusCode.BadRequest);
            Assert.Contains(message, refused.Body!.Text(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_export_is_utf8_csv_with_a_bom_quoted_formula_safe_filtered_named_in_vietnamese_and_audited()
    {
        factory.RequireProvider();
        var marker = Marker();
        await SeedAsync(marker);
        var admin = await factory.CreateAsync(SenRoles.Admin);
        var client = factory.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(admin.Email, TestAccounts.Password)).StatusCode);

        using var response = await client.GetAsync(new Uri($"{Export}?q={marker}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(factory.Clock.GetUtcNow().UtcDateTime)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"nhật-ký-hệ-thống-{today}.csv", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''nh%E1%BA%ADt-k%C3%BD", string.Join(";", response.Content.Headers.GetValues("Content-Disposition")), StringComparison.Ordinal);

        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var rows = Csv.Parse(text);
        Assert.Equal(
            ["Thời gian", "Người thực hiện", "Mã người dùng", "Địa chỉ IP", "Hành động", "Mã hành động", "Loại đối tượng", "Mã đối tượng", "Nội dung", "Thay đổi"],
            rows[0]);
        // The export is recorded before the file is written, so the newest row is this export (its summary names the filter).
        Assert.Equal(5, rows.Count);
        Assert.Equal(["audit.export", $"?q={marker}", admin.Email], [rows[1][5], rows[1][8], rows[1][1]]);
        Assert.Equal(["C", "A", "B"], rows.Skip(2).Select(r => Letter(r[8], marker)));

        var a = rows[3];
        Assert.Equal("2026-03-10 00:30:00", a[0]);
        Assert.Equal("'=HYPERLINK(\"http://ke-xau.example\",\"Bấm\")", a[1]);
        Assert.Equal("Xuất bản", a[4]);
        Assert.Equal("article.publish", a[5]);
        Assert.Equal(["Article", "41"], a[6..8]);
        Assert.Equal("{\"Title\":[\"Tiêu đề cũ\",\"Tiêu đề mới\"]}", a[9]);
        Assert.Equal($"'-{marker} B, có \"ngoặc kép\"\r\nvà dòng thứ hai", rows[4][8]);
        Assert.Contains("\"'-" + marker + " B, có \"\"ngoặc kép\"\"\r\nvà dòng thứ hai\"", text, StringComparison.Ordinal);
        Assert.Equal("'@tài khoản", rows[2][1]);

        // The same filters as the page.
        using var filtered = await client.GetAsync(new Uri($"{Export}?q={marker}&hanh-dong=user.change&tu-ngay=11/03/2026", UriKind.Relative), Ct);
        var filteredRows = Csv.Parse(new UTF8Encoding(false).GetString((await filtered.Content.ReadAsByteArrayAsync(Ct))[3..]));
        Assert.Equal(["C"], filteredRows.Skip(1).Select(r => Letter(r[8], marker)));

        var exports = await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditActions.AuditExported && e.UserId == admin.Id).OrderBy(e => e.Id).ToListAsync(Ct));
        Assert.Equal(2, exports.Count);
        Assert.Equal($"?q={marker}", exports[0].Summary);
        Assert.Equal(admin.Email, exports[0].UserName);
        Assert.Contains("hanh-dong=user.change", exports[1].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_under_the_audit_log_takes_anything_but_a_get()
    {
        factory.RequireProvider();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("admin/nhat-ky", StringComparison.Ordinal) == true)
            .ToList();
        Assert.Equal(["admin/nhat-ky", "admin/nhat-ky/xuat.csv"], endpoints.Select(e => e.RoutePattern.RawText!.TrimStart('/')).Order(StringComparer.Ordinal));
        Assert.All(endpoints, e => Assert.Contains(e.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>(), a => a.Policy == NewsroomPolicies.Newsroom));
        var export = endpoints.Single(e => e.RoutePattern.RawText!.EndsWith(".csv", StringComparison.Ordinal));
        Assert.Equal(["GET"], export.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods);
        Assert.Contains(export.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>(), a => a.Policy == NewsroomPolicies.Administer);

        // Razor Pages run a handler per method: the page has one, for GET.
        var handlers = typeof(AuditLogPageModel).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(m => m.Name.StartsWith("On", StringComparison.Ordinal)).Select(m => m.Name);
        Assert.Equal(["OnGetAsync"], handlers);
    }

    private static string Marker() => "nk" + Guid.NewGuid().ToString("N")[..10];

    private async Task<HttpClient> SignedInAsync(string role)
    {
        var account = await factory.CreateAsync(role);
        var client = factory.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(account.Email, TestAccounts.Password)).StatusCode);
        return client;
    }

    private sealed record Seeded(int UserA, int UserB);

    /// <summary>Three entries: A (user A publishes, 10/03 00:30 in Vietnam), B (user B publishes, 09/03 23:30), C (user A changes a user, 11/03).</summary>
    private Task<Seeded> SeedAsync(string marker) =>
        factory.InScopeAsync(async sp =>
        {
            var userA = Random.Shared.Next(1_000_000, 2_000_000);
            var userB = userA + 1;
            var db = sp.GetRequiredService<SenDbContext>();
            db.AuditEntries.AddRange(
                new AuditEntry
                {
                    At = VietnamTime.ToUtc(new DateTime(2026, 3, 10, 0, 30, 0)),
                    UserId = userA,
                    UserName = "=HYPERLINK(\"http://ke-xau.example\",\"Bấm\")",
                    IpAddress = "203.0.113.7",
                    Action = AuditActions.ArticlePublished,
                    EntityType = "Article",
                    EntityId = "41",
                    Summary = $"{marker} A: Hội nghị tổng kết",
                    Changes = "{\"Title\":[\"Tiêu đề cũ\",\"Tiêu đề mới\"]}",
                },
                new AuditEntry
                {
                    At = VietnamTime.ToUtc(new DateTime(2026, 3, 9, 23, 30, 0)),
                    UserId = userB,
                    UserName = "duyet@example.vn",
                    Action = AuditActions.ArticlePublished,
                    EntityType = "Article",
                    EntityId = "42",
                    Summary = $"-{marker} B, có \"ngoặc kép\"\r\nvà dòng thứ hai",
                },
                new AuditEntry
                {
                    At = VietnamTime.ToUtc(new DateTime(2026, 3, 11, 9, 0, 0)),
                    UserId = userA,
                    UserName = "@tài khoản",
                    Action = AuditActions.UserChanged,
                    EntityType = "User",
                    EntityId = "7",
                    Summary = $"{marker} C",
                });
            await db.SaveChangesAsync(Ct);
            return new Seeded(userA, userB);
        });

    /// <summary>The letters (A, B, C) of the seeded entries a page lists, in its order.</summary>
    private static List<string> Summaries(AngleSharp.Dom.IDocument page, string marker) =>
        page.QuerySelectorAll(".audit-table > tbody > tr").Select(r => Letter(r.QuerySelectorAll("td")[4].TextContent, marker)).ToList();

    private static string Letter(string summary, string marker)
    {
        var at = summary.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, summary);
        return summary.Substring(at + marker.Length + 1, 1);
    }
}

public sealed class SqliteAuditLogPageTests(SqliteAppFactory factory) : AuditLogPageTests<SqliteAppFactory>(factory);

public sealed class PostgresAuditLogPageTests(PostgresAppFactory factory) : AuditLogPageTests<PostgresAppFactory>(factory);

/// <summary>An RFC 4180 reader for the tests: quoted cells may hold commas, doubled quotes and line breaks.</summary>
internal static class Csv
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else
            {
                Assert.False(c is '"' or '\r' or '\n', $"An unquoted {(int)c} at {i}");
                cell.Append(c);
            }
        }

        Assert.True(row.Count == 0 && cell.Length == 0 && !quoted, "The file does not end with a line break.");
        return rows;
    }
}
