using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sen.Web.Features.Notifications;

/// <summary>After a save that wrote notifications commits, the mailer on this node looks at the outbox at once instead of at its next poll.</summary>
public sealed class WakeMailerOnNotifications(IServiceProvider services) : SaveChangesInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WakeIfNotified(eventData);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        WakeIfNotified(eventData);
        return ValueTask.FromResult(result);
    }

    private void WakeIfNotified(SaveChangesCompletedEventData eventData)
    {
        // Resolved late: the mailer is a hosted service, built after the DbContext options that hold this interceptor.
        if (eventData?.Context?.ChangeTracker.Entries<Notification>().Any(e => e.Entity.EmailState == EmailState.Pending) == true)
        {
            services.GetService<NotificationMailer>()?.Wake();
        }
    }
}
