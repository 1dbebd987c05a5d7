using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Newsroom;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Newsroom;

/// <summary>The newsroom's people and a way to run a handler as one of them, each in a scope of its own (one request each).</summary>
public static class NewsroomActs
{
    public static readonly Actor Writer = new(101, "bientap1@example.vn", [SenRoles.Writer], "203.0.113.1");
    public static readonly Actor OtherWriter = new(102, "bientap2@example.vn", [SenRoles.Writer]);
    public static readonly Actor Approver = new(201, "duyet1@example.vn", [SenRoles.Approver]);
    public static readonly Actor OtherApprover = new(202, "duyet2@example.vn", [SenRoles.Approver]);
    public static readonly Actor Admin = new(301, "quantri@example.vn", [SenRoles.Admin]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<T> AsAsync<T>(this IServiceProvider root, Actor actor, Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = root.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(actor);
        return await work(scope.ServiceProvider);
    }

    public static Task<NewsroomResult> CreateAsync(this IServiceProvider root, Actor actor, ArticleFields fields) =>
        root.AsAsync(actor, sp => sp.GetRequiredService<CreateArticle>().HandleAsync(new CreateArticle.Command(fields), Ct));

    public static Task<NewsroomResult> SaveAsync(this IServiceProvider root, Actor actor, int articleId, int baseRevision, ArticleFields fields) =>
        root.AsAsync(actor, sp => sp.GetRequiredService<SaveArticle>().HandleAsync(new SaveArticle.Command(articleId, baseRevision, fields), Ct));

    public static Task<NewsroomResult> SubmitAsync(this IServiceProvider root, Actor actor, int articleId) =>
        root.AsAsync(actor, sp => sp.GetRequiredService<SubmitArticle>().HandleAsync(new SubmitArticle.Command(articleId), Ct));

    public static Task<NewsroomResult> ReturnAsync(this IServiceProvider root, Actor actor, int articleId, string comment) =>
        root.AsAsync(actor, sp => sp.GetRequiredService<ReturnArticle>().HandleAsync(new ReturnArticle.Command(articleId, comment), Ct));

    public static Task<NewsroomResult> PublishAsync(this IServiceProvider root, Actor actor, int articleId, DateTime? at = null, int? revision = null) =>
        root.AsAsync(actor, sp => sp.GetRequiredService<PublishArticle>().HandleAsync(new PublishArticle.Command(articleId, revision, at), Ct));

    public static Task<NewsroomResult> UnpublishAsync(this IServiceProvider root, Actor actor, int articleId) =>
        root.AsAsync(actor, sp => sp.GetRequiredService<UnpublishArticle>().HandleAsync(new UnpublishArticle.Command(articleId), Ct));

    public static Task<NewsroomResult> DeleteAsync(this IServiceProvider root, Actor actor, int articleId) =>
        root.AsAsync(actor, sp => sp.GetRequiredService<DeleteArticle>().HandleAsync(new DeleteArticle.Command(articleId), Ct));

    public static Task<NewsroomResult> RestoreAsync(this IServiceProvider root, Actor actor, int articleId) =>
        root.AsAsync(actor, sp => sp.GetRequiredService<RestoreArticle>().HandleAsync(new RestoreArticle.Command(articleId), Ct));

    public static Task<Article> ArticleAsync(this IServiceProvider root, int articleId) =>
        root.AsAsync(Actor.Anonymous, sp => sp.GetRequiredService<SenDbContext>().Articles.AsNoTracking().SingleAsync(a => a.Id == articleId, Ct));

    /// <summary>Fields for a new article in the seeded category "Xây dựng Đảng".</summary>
    public static async Task<ArticleFields> FieldsAsync(this IServiceProvider root, string title)
    {
        var categoryId = await root.AsAsync(Actor.Anonymous, sp => sp.GetRequiredService<SenDbContext>().Categories
            .Where(c => c.Slug == "xay-dung-dang").Select(c => c.Id).SingleAsync(Ct));
        return new ArticleFields(title, "", "Sa-pô của bài.", "<p>Nội dung đầu tiên của bài.</p>", categoryId, "Tác giả", "Ban Tuyên giáo");
    }
}
