using Microsoft.AspNetCore.Mvc.RazorPages;
using Sen.Web.Features.Accounts;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Polls;

public static class PollsServiceCollectionExtensions
{
    public static IServiceCollection AddPolls(this IServiceCollection services)
    {
        services.AddScoped<ReadPolls>();
        services.AddScoped<CastVote>();
        services.AddScoped<SavePoll>();
        services.AddScoped<ChangePollStatus>();
        services.AddScoped<ExportPollResults>();
        services.AddScoped<ListPollsForNewsroom>();
        services.AddSingleton<PollVoteCookie>();
        services.AddPollRateLimits();
        services.Configure<RazorPagesOptions>(o => o.Conventions
            .AuthorizePage("/Polls/PollsAdminPage", NewsroomPolicies.Newsroom)
            .AuthorizePage("/Polls/PollEditPage", NewsroomPolicies.Newsroom));
        services.AddContentChangeRule<PollChangeRule>();
        return services.AddContentChangeRule<PollOptionChangeRule>();
    }
}
