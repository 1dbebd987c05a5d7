namespace Sen.Web.Features.Accounts;

public static class AccountsServiceCollectionExtensions
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddAuthorizationBuilder().AddNewsroomPolicies();
        return services;
    }
}
