using System.Net;
using MimeKit;

namespace Sen.Web.Features.Notifications;

/// <summary>The e-mail of a notification: Vietnamese subject, plain text and simple HTML, with the absolute link to the article.</summary>
public static class NotificationMail
{
    public sealed record Recipient(string Email, string Name);

    public static MimeMessage Build(Notification notification, Recipient to, SmtpOptions options, NotificationTexts texts)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(texts);
        var link = notification.LinkBase + notification.Link;
        var greeting = texts["Notification.Email.Greeting", string.IsNullOrWhiteSpace(to.Name) ? to.Email : to.Name];
        var open = texts["Notification.Email.Open"];
        var footer = texts["Notification.Email.Footer"];

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        message.To.Add(new MailboxAddress(to.Name, to.Email));
        message.Subject = texts["Notification.Email.Subject", texts["Admin.Title"], notification.Title];
        var body = new BodyBuilder
        {
            TextBody = string.Join("\n\n", greeting, notification.Title, notification.Summary, $"{open}: {link}", footer) + "\n",
            HtmlBody = $"""
                <!DOCTYPE html>
                <html lang="{texts.Language}">
                <head><meta charset="utf-8"><title>{Html(notification.Title)}</title></head>
                <body>
                <p>{Html(greeting)}</p>
                <p><strong>{Html(notification.Title)}</strong></p>
                <p>{Html(notification.Summary)}</p>
                <p><a href="{Html(link)}">{Html(open)}</a></p>
                <p><small>{Html(footer)}</small></p>
                </body>
                </html>
                """,
        };
        message.Body = body.ToMessageBody();
        return message;
    }

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}
