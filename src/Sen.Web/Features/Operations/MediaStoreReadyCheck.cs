using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sen.Web.Features.Media;

namespace Sen.Web.Features.Operations;

/// <summary>
/// Ready when uploads can be stored: the media folder exists and takes a file (a shared folder that
/// is not mounted, or mounted read-only, fails here rather than on an editor's upload).
/// </summary>
public sealed class MediaStoreReadyCheck(IMediaStore store) : IHealthCheck
{
    // A well-formed key that no upload can have (uploads start with a content hash).
    private const string ProbeKey = "sen-readyz-probe.pdf";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (store is LocalFolderMediaStore local)
            {
                if (!Directory.Exists(local.Root))
                {
                    return HealthCheckResult.Unhealthy("The media folder does not exist");
                }

                // A hidden name: the media files middleware never serves dot files.
                var probe = Path.Combine(local.Root, $".readyz-{Environment.ProcessId}.tmp");
                await File.WriteAllBytesAsync(probe, [1], cancellationToken).ConfigureAwait(false);
                File.Delete(probe);
                return HealthCheckResult.Healthy();
            }

            await store.ExistsAsync(ProbeKey, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or HttpRequestException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The media store cannot be written: " + ex.GetType().Name);
        }
    }
}
