using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.IntegrationTests.Newsroom;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Newsroom;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Data;

/// <summary>Article HTML is sanitized (and NFC) when saved, whoever the writer is: no path through EF stores a script.</summary>
public abstract class StoredHtmlTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private const string Hostile = "<p onclick=\"alert(1)\">Nội dung</p><script>alert(2)</script><img src=x onerror=alert(3)><a href=\"javascript:alert(4)\">liên kết</a>";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_article_written_straight_through_the_DbContext_is_stored_sanitized_and_NFC()
    {
        factory.RequireProvider();
        var picked = await factory.PickAsync(0);
        var id = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            var template = await db.Articles.AsNoTracking().FirstAsync(a => a.Id == picked.Id, Ct);
            var article = new Article
            {
                SiteId = template.SiteId,
                CategoryId = template.CategoryId,
                Title = "Bài kiểm tra lọc HTML",
                Slug = "bai-kiem-tra-loc-html",
                BodyHtml = Hostile + "<p>" + "Hội nghị".Normalize(NormalizationForm.FormD) + "</p>",
                Status = ArticleStatus.Draft,
            };
            db.Articles.Add(article);
            await db.SaveChangesAsync(Ct);
            return article.Id;
        });

        var stored = await StoredBodyAsync(id);
        AssertHarmless(stored);
        Assert.Contains("<p>Nội dung</p>", stored, StringComparison.Ordinal);
        Assert.Contains("Hội nghị".Normalize(NormalizationForm.FormC), stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_that_only_changes_the_body_is_stored_sanitized()
    {
        factory.RequireProvider();
        var picked = await factory.PickAsync(1);
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            var article = await db.Articles.FirstAsync(a => a.Id == picked.Id, Ct);
            article.BodyHtml = Hostile;
            return await db.SaveChangesAsync(Ct);
        });

        AssertHarmless(await StoredBodyAsync(picked.Id));
    }

    [Fact]
    public async Task The_edit_handler_stores_sanitized_html()
    {
        factory.RequireProvider();
        var picked = await factory.PickAsync(2);
        var result = await factory.InScopeAsync(sp => sp.EditAndPublishAsync(picked.Id, picked.Title, "Sa-pô.", Hostile));
        Assert.Equal(NewsroomOutcome.Done, result.Outcome);

        AssertHarmless(await StoredBodyAsync(picked.Id));
    }

    private Task<string> StoredBodyAsync(int id) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Articles.AsNoTracking()
            .Where(a => a.Id == id).Select(a => a.BodyHtml).SingleAsync(Ct));

    private static void AssertHarmless(string stored)
    {
        Assert.DoesNotContain("<script", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", stored, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class SqliteStoredHtmlTests(SqliteAppFactory factory) : StoredHtmlTests<SqliteAppFactory>(factory);

public sealed class PostgresStoredHtmlTests(PostgresAppFactory factory) : StoredHtmlTests<PostgresAppFactory>(factory);
