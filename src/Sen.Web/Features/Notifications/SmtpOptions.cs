using System.ComponentModel.DataAnnotations;

namespace Sen.Web.Features.Notifications;

/// <summary>The "Smtp" section: the server notifications are e-mailed through. Without a Host, e-mail is off and only the in-app list works.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string FromAddress { get; set; } = "";

    public string FromName { get; set; } = "";

    /// <summary>False turns e-mail off even with a Host.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>scheme://host of the newsroom for the links in e-mails; when empty, Site:PublicUrl, else the address of the request that caused the notice.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>How often the outbox is looked at when nothing wakes it (new rows wake it at once on this node).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; it doubles after each (capped at an hour).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsOn => Enabled && !string.IsNullOrWhiteSpace(Host);
}

public enum SmtpSecurity
{
    /// <summary>TLS on connect for port 465, STARTTLS when the server offers it otherwise.</summary>
    Auto,
    None,
    StartTls,
    SslOnConnect,
}
