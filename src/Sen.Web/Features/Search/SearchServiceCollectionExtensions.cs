using Microsoft.EntityFrameworkCore.Diagnostics;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Search;

public static class SearchServiceCollectionExtensions
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddScoped<ISearchIndex>(sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            return db.Provider == DatabaseProvider.Postgres ? new PostgresSearchIndex(db) : new SqliteSearchIndex(db);
        });
        services.AddScoped<SearchArticles>();
        services.AddScoped<SuggestSearch>();
        services.AddScoped<RebuildSearchIndex>();
        services.AddScoped<SearchFilters>();
        services.AddScoped<IDatabaseStartupTask, BuildMissingSearchIndexOnStart>();
        services.AddSingleton<IInterceptor, SearchIndexSyncInterceptor>();
        services.AddSearchRateLimits();
        return services;
    }
}
