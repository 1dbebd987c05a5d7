using Sen.Web.Features.Import.Pipeline;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Import;

public static class ImportServiceCollectionExtensions
{
    public static IServiceCollection AddImport(this IServiceCollection services)
    {
        services.AddScoped<ImportLegacyPage>();
        services.AddScoped<ImportRunner>();
        services.AddScoped<DemoContentSeeder>();
        services.AddScoped<IDatabaseStartupTask, SeedDemoContentOnStart>();
        return services;
    }
}
