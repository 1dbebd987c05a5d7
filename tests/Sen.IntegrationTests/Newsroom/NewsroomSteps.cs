using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Newsroom;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Newsroom;

/// <summary>The newsroom steps other tests need, through the real handlers: change an article's text and publish it.</summary>
public static class NewsroomSteps
{
    /// <summary>An administrator with no user id: self-approval never applies.</summary>
    public static readonly Actor Operator = Actor.System("kiểm thử");

    /// <summary>Saves new text over the article's working copy as the operator, then publishes it.</summary>
    public static async Task<NewsroomResult> EditAndPublishAsync(this IServiceProvider services, int articleId, string title, string lead, string bodyHtml)
    {
        ArgumentNullException.ThrowIfNull(services);
        var ct = TestContext.Current.CancellationToken;
        services.GetRequiredService<CurrentUser>().ActAs(Operator);
        var db = services.GetRequiredService<SenDbContext>();
        var article = await db.Articles.AsNoTracking().SingleAsync(a => a.Id == articleId, ct);
        var working = await db.ArticleRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.ArticleId == articleId && r.Number == article.LatestRevision, ct);
        var fields = (working is null ? ArticleFields.Of(article) : ArticleFields.Of(working)) with { Title = title, Lead = lead, BodyHtml = bodyHtml };
        var saved = await services.GetRequiredService<SaveArticle>().HandleAsync(new SaveArticle.Command(articleId, article.LatestRevision, fields), ct);
        return saved.Succeeded
            ? await services.GetRequiredService<PublishArticle>().HandleAsync(new PublishArticle.Command(articleId), ct)
            : saved;
    }

    public static Task<NewsroomResult> PublishAsync(this IServiceProvider services, int articleId)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.GetRequiredService<CurrentUser>().ActAs(Operator);
        return services.GetRequiredService<PublishArticle>().HandleAsync(new PublishArticle.Command(articleId), TestContext.Current.CancellationToken);
    }

    public static Task<NewsroomResult> UnpublishAsync(this IServiceProvider services, int articleId)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.GetRequiredService<CurrentUser>().ActAs(Operator);
        return services.GetRequiredService<UnpublishArticle>().HandleAsync(new UnpublishArticle.Command(articleId), TestContext.Current.CancellationToken);
    }
}
