using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.IntegrationTests.Newsroom;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Categories;
using Sen.Web.Features.Newsroom;
using Sen.Web.Features.Sites;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Sites;

/// <summary>Handlers find rows within the site being served, never by id alone.</summary>
public abstract class SiteScopeTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handlers_do_not_touch_another_sites_rows()
    {
        factory.RequireProvider();
        var (articleId, categoryId) = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            var other = new Site { Key = "huyen-uy-thu", Name = "Huyện ủy thử", UpdatedAt = DateTime.UtcNow };
            db.Sites.Add(other);
            await db.SaveChangesAsync(Ct);
            var category = new Category { SiteId = other.Id, Name = "Tin huyện", Slug = "tin-huyen", UpdatedAt = DateTime.UtcNow };
            db.Categories.Add(category);
            await db.SaveChangesAsync(Ct);
            var article = new Article
            {
                SiteId = other.Id,
                CategoryId = category.Id,
                Title = "Bài của site khác",
                Slug = "bai-cua-site-khac",
                Status = ArticleStatus.Draft,
            };
            db.Articles.Add(article);
            await db.SaveChangesAsync(Ct);
            return (article.Id, category.Id);
        });

        await factory.InScopeAsync(async sp =>
        {
            sp.GetRequiredService<CurrentUser>().ActAs(NewsroomSteps.Operator);
            var fields = new ArticleFields("Đổi", "doi", "", "<p>x</p>", categoryId);
            Assert.Equal(NewsroomOutcome.NotFound, (await sp.GetRequiredService<SaveArticle>().HandleAsync(new SaveArticle.Command(articleId, 0, fields), Ct)).Outcome);
            Assert.Equal(NewsroomOutcome.NotFound, (await sp.GetRequiredService<PublishArticle>().HandleAsync(new PublishArticle.Command(articleId), Ct)).Outcome);
            Assert.Equal(NewsroomOutcome.NotFound, (await sp.GetRequiredService<DeleteArticle>().HandleAsync(new DeleteArticle.Command(articleId), Ct)).Outcome);
            Assert.Equal(SaveResult.NotFound, await sp.GetRequiredService<RenameCategory>().HandleAsync(new RenameCategory.Command(categoryId, "Đổi"), Ct));
            return 0;
        });

        var (title, status, name) = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            var article = await db.Articles.AsNoTracking().SingleAsync(a => a.Id == articleId, Ct);
            var category = await db.Categories.AsNoTracking().SingleAsync(c => c.Id == categoryId, Ct);
            return (article.Title, article.Status, category.Name);
        });
        Assert.Equal("Bài của site khác", title);
        Assert.Equal(ArticleStatus.Draft, status);
        Assert.Equal("Tin huyện", name);
    }
}

public sealed class SqliteSiteScopeTests(SqliteAppFactory factory) : SiteScopeTests<SqliteAppFactory>(factory);

public sealed class PostgresSiteScopeTests(PostgresAppFactory factory) : SiteScopeTests<PostgresAppFactory>(factory);
