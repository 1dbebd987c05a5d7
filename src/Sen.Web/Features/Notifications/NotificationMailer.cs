using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Notifications;

/// <summary>
/// Sends the outbox: notifications whose e-mail is pending and due. Each row is first claimed with one
/// conditional UPDATE (state and claim time), so with several nodes only the node whose update hit the row
/// sends it; a claim older than <see cref="StaleClaim"/> (its node died mid-send) may be taken over. A failure
/// waits <see cref="SmtpOptions.RetryDelay"/>, doubling, and gives up after <see cref="SmtpOptions.MaxAttempts"/>.
/// Runs beside the requests: a dead SMTP server never slows or fails a workflow step, and pending rows
/// survive a restart because they live in the database.
/// </summary>
public sealed partial class NotificationMailer(
    IServiceScopeFactory scopes,
    IOptionsMonitor<SmtpOptions> options,
    NotificationTexts texts,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<NotificationMailer> logger) : BackgroundService
{
    public static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    private const int BatchSize = 50;

    private readonly SemaphoreSlim wake = new(0, 1);

    /// <summary>Looks at the outbox now rather than at the next poll (new rows were committed on this node).</summary>
    public void Wake()
    {
        if (wake.CurrentCount == 0)
        {
            try
            {
                wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller woke it between the check and the release: once is enough.
            }
        }
    }

    /// <summary>Sends what is due now; returns how many rows it claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var smtp = options.CurrentValue;
        if (!smtp.IsOn)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenDbContext>();
        // The claim's stamp in whole milliseconds: it is compared again when the row is finished, and PostgreSQL keeps microseconds only.
        var now = clock.GetUtcNow().UtcDateTime;
        var stamp = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        var claimed = await ClaimAsync(db, now, stamp, cancellationToken).ConfigureAwait(false);
        if (claimed.Count == 0)
        {
            return 0;
        }

        LogClaimed(logger, claimed.Count);

        var rows = await db.Set<Notification>().AsNoTracking().Where(n => claimed.Contains(n.Id)).OrderBy(n => n.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var userIds = rows.Select(n => n.UserId).Distinct().ToList();
        var recipients = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && !u.IsDisabled && u.Email != null)
            .ToDictionaryAsync(u => u.Id, u => new NotificationMail.Recipient(u.Email!, u.DisplayName), cancellationToken).ConfigureAwait(false);

        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        string? connectionError = null;
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, SocketOptions(smtp.Security), cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (IsMailFailure(e))
        {
            connectionError = e.Message;
            LogConnectionFailed(logger, smtp.Host!, smtp.Port, e);
        }

        foreach (var row in rows)
        {
            var error = connectionError;
            if (error is null)
            {
                if (!recipients.TryGetValue(row.UserId, out var recipient))
                {
                    await FinishAsync(db, row, stamp, "recipient disabled or without an e-mail address", giveUp: true, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                try
                {
                    using var message = NotificationMail.Build(row, recipient, smtp, texts);
                    await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (IsMailFailure(e))
                {
                    error = e.Message;
                    LogSendFailed(logger, row.Id, e);
                }
            }

            await FinishAsync(db, row, stamp, error, giveUp: false, cancellationToken).ConfigureAwait(false);
        }

        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsMailFailure(e))
            {
                // Everything was sent already; a server that hangs up rudely changes nothing.
            }
        }

        return rows.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not before the host has started: the database is migrated by then.
        await WhenStartedAsync(stoppingToken).ConfigureAwait(false);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full batch may mean more is due: look again at once.
                while (await SendDueAsync(stoppingToken).ConfigureAwait(false) == BatchSize)
                {
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogOutboxFailed(logger, e);
            }

            await WaitAsync(options.CurrentValue.PollInterval, stoppingToken).ConfigureAwait(false);
        }
    }

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
    }

    private static async Task<List<long>> ClaimAsync(SenDbContext db, DateTime now, DateTime stamp, CancellationToken cancellationToken)
    {
        var stale = now - StaleClaim;
        var due = db.Set<Notification>().Where(n =>
            (n.EmailState == EmailState.Pending && n.EmailNextAttemptAt <= now)
            || (n.EmailState == EmailState.Sending && n.EmailClaimedAt < stale));
        var candidates = await due.OrderBy(n => n.Id).Select(n => n.Id).Take(BatchSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        var claimed = new List<long>(candidates.Count);
        foreach (var id in candidates)
        {
            // The same condition again in the UPDATE: of two nodes, only one changes the row.
            var updated = await due.Where(n => n.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailState, EmailState.Sending).SetProperty(n => n.EmailClaimedAt, stamp), cancellationToken)
                .ConfigureAwait(false);
            if (updated == 1)
            {
                claimed.Add(id);
            }
        }

        return claimed;
    }

    private Task<int> FinishAsync(SenDbContext db, Notification row, DateTime claimedAt, string? error, bool giveUp, CancellationToken cancellationToken)
    {
        var attempts = row.EmailAttempts + 1;
        var now = clock.GetUtcNow().UtcDateTime;
        var ours = db.Set<Notification>().Where(n => n.Id == row.Id && n.EmailState == EmailState.Sending && n.EmailClaimedAt == claimedAt);
        if (error is null)
        {
            return ours.ExecuteUpdateAsync(
                s => s.SetProperty(n => n.EmailState, EmailState.Sent).SetProperty(n => n.EmailAttempts, attempts)
                    .SetProperty(n => n.EmailSentAt, now).SetProperty(n => n.EmailLastError, (string?)null),
                cancellationToken);
        }

        var smtp = options.CurrentValue;
        var last = giveUp || attempts >= smtp.MaxAttempts;
        var next = now + RetryDelay(smtp.RetryDelay, attempts);
        var message = error.Length <= 1000 ? error : error[..1000];
        return ours.ExecuteUpdateAsync(
            s => s.SetProperty(n => n.EmailState, last ? EmailState.Failed : EmailState.Pending).SetProperty(n => n.EmailAttempts, attempts)
                .SetProperty(n => n.EmailNextAttemptAt, last ? null : next).SetProperty(n => n.EmailLastError, message),
            cancellationToken);
    }

    /// <summary>The wait after the <paramref name="attempts"/>th failure: first, then doubling, at most an hour.</summary>
    public static TimeSpan RetryDelay(TimeSpan first, int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        var delay = first * factor;
        return delay > MaxRetryDelay ? MaxRetryDelay : delay;
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    private static bool IsMailFailure(Exception e) =>
        e is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.CommandException
            or AuthenticationException or System.Security.Authentication.AuthenticationException or TimeoutException
            or OperationCanceledException { CancellationToken.IsCancellationRequested: false };

    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetResult());
        await started.Task.ConfigureAwait(false);
    }

    private async Task WaitAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var woken = wake.WaitAsync(waiting.Token);
        var elapsed = Task.Delay(interval, clock, waiting.Token);
        await Task.WhenAny(woken, elapsed).ConfigureAwait(false);
        await waiting.CancelAsync().ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail: sending {Count} notifications from the outbox")]
    private static partial void LogClaimed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail: cannot reach the SMTP server {Host}:{Port}; notifications stay in the outbox and are retried")]
    private static partial void LogConnectionFailed(ILogger logger, string host, int port, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail: notification {NotificationId} was not sent; it is retried later")]
    private static partial void LogSendFailed(ILogger logger, long notificationId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "E-mail: the outbox could not be read")]
    private static partial void LogOutboxFailed(ILogger logger, Exception exception);
}
