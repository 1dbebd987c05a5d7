namespace Sen.Web.Features.ViewCounts;

/// <summary>
/// Stores counted views every second, and once more when the host stops, so a graceful shutdown
/// loses nothing and a hard kill loses at most the last second of this node's views.
/// </summary>
public sealed class ViewCountFlusher(ViewCounter counter, TimeProvider clock, ILogger<ViewCountFlusher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);

        // The web server has stopped taking requests by now (it stops before hosted services added
        // earlier), so this flush is the last. A failing database gets a few tries within the shutdown time.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await counter.FlushAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && attempt < 3)
            {
                logger.LogWarning(ex, "Storing view counts at shutdown failed (attempt {Attempt}); retrying", attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "{Views} view(s) could not be stored at shutdown and are lost", counter.Unflushed);
                return;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    // Not cancelled by shutdown: a write cancelled after the database committed would be
                    // put back and stored twice. StopAsync waits for it, then flushes the rest.
                    await counter.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The deltas were put back; the next tick tries again with whatever has been added since.
                    logger.LogWarning(ex, "Storing view counts failed; {Views} view(s) kept for the next try", counter.Unflushed);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
