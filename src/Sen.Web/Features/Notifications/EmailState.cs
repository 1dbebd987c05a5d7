namespace Sen.Web.Features.Notifications;

/// <summary>Where a notification's e-mail is in the outbox.</summary>
public enum EmailState
{
    /// <summary>No e-mail: SMTP was off when the notification was written.</summary>
    None,

    /// <summary>Waiting to be sent (again, after the notification's <c>EmailNextAttemptAt</c>).</summary>
    Pending,

    /// <summary>Claimed by one node, which is sending it.</summary>
    Sending,
    Sent,

    /// <summary>Given up after the last attempt; its <c>EmailLastError</c> says why.</summary>
    Failed,
}
