namespace Sen.Web.Features.Generate;

public static class GenerateServiceCollectionExtensions
{
    public static IServiceCollection AddGenerate(this IServiceCollection services)
    {
        services.AddScoped<GenerateArticles>();
        return services;
    }
}
