using Microsoft.AspNetCore.Mvc.RazorPages;
using Sen.Web.Features.Accounts;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Newsroom;

public static class NewsroomServiceCollectionExtensions
{
    public static IServiceCollection AddNewsroom(this IServiceCollection services)
    {
        services.AddOptions<WorkflowOptions>().BindConfiguration(WorkflowOptions.Section);
        services.AddScoped<ArticleTransitions>();
        services.AddScoped<CreateArticle>();
        services.AddScoped<SaveArticle>();
        services.AddScoped<SubmitArticle>();
        services.AddScoped<ReturnArticle>();
        services.AddScoped<PublishArticle>();
        services.AddScoped<UnpublishArticle>();
        services.AddScoped<DeleteArticle>();
        services.AddScoped<RestoreArticle>();
        services.AddScoped<EmptyBin>();
        services.AddScoped<ListRevisions>();
        services.AddScoped<RestoreRevision>();
        services.AddScoped<CompareRevisions>();
        services.AddScoped<OpenArticle>();
        services.AddScoped<ListArticles>();
        services.AddScoped<CategoryChoices>();

        // The article pages (Pages/): a newsroom role for all of them; each page model names its own too.
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Newsroom", NewsroomPolicies.Newsroom));
        services.AddScoped<IDatabaseStartupTask, BackfillRevisionsOnStart>();
        return services;
    }
}
