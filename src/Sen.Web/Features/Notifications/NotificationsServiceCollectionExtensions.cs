using Microsoft.EntityFrameworkCore.Diagnostics;
using MimeKit;
using Sen.Web.Features.Newsroom;

namespace Sen.Web.Features.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// Notifications of workflow steps: written by the newsroom's observer hook in the step's own save, listed at
    /// /admin/thong-bao, and e-mailed from the outbox by <see cref="NotificationMailer"/> when "Smtp" names a host.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => !o.IsOn || MailboxAddress.TryParse(o.FromAddress, out _), "Smtp:FromAddress must be an e-mail address when Smtp:Host is set.")
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicUrl) || Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out _), "Smtp:PublicUrl must be an absolute http(s) address.")
            .ValidateOnStart();
        services.AddSingleton<NotificationTexts>();
        services.AddScoped<IArticleTransitionObserver, NotifyArticleSteps>();
        services.AddScoped<UnreadNotifications>();
        services.AddScoped<ListNotifications>();
        services.AddScoped<MarkNotificationsRead>();
        services.AddSingleton<NotificationMailer>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationMailer>());
        services.AddSingleton<IInterceptor, WakeMailerOnNotifications>();
        return services;
    }
}
