using Sen.Web.Features.Media;
using Sen.Web.Infrastructure.Cli;

namespace Sen.Web.Features.Backup;

/// <summary>
/// The media half of moving a site (`sen db copy … --media-from A --media-to B`): every stored file copied
/// into the new folder (the one the new nodes mount), checked by SHA-256 after the copy. Files already there
/// with the same content are left alone, so a copy that was cut short can simply be run again.
/// </summary>
public static class CopyMediaFolder
{
    public sealed record Result(int Copied, int Unchanged, string? Problem)
    {
        public bool Succeeded => Problem is null;
    }

    public static async Task<Result> HandleAsync(string from, string to, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        from = Path.TrimEndingDirectorySeparator(Path.GetFullPath(from));
        to = Path.TrimEndingDirectorySeparator(Path.GetFullPath(to));
        if (!Directory.Exists(from))
        {
            return new Result(0, 0, $"Không có thư mục media / no media folder: {from}");
        }

        if (string.Equals(from, to, StringComparison.Ordinal))
        {
            return new Result(0, 0, "Thư mục nguồn và đích là một / the source and target folders are the same");
        }

        Directory.CreateDirectory(to);
        var keys = Directory.EnumerateFiles(from).Select(Path.GetFileName).Where(MediaKeys.IsValid).Order(StringComparer.Ordinal).ToList();
        int copied = 0, unchanged = 0;
        foreach (var key in keys)
        {
            var source = Path.Combine(from, key!);
            var target = Path.Combine(to, key!);
            var (hash, _) = await BackupManifest.HashAsync(source, cancellationToken).ConfigureAwait(false);
            if (File.Exists(target) && (await BackupManifest.HashAsync(target, cancellationToken).ConfigureAwait(false)).Sha256 == hash)
            {
                unchanged++;
            }
            else
            {
                // Written beside the target and renamed, so a node reading the folder never sees half a file.
                var partial = Path.Combine(to, $".{Guid.NewGuid():N}.tmp");
                File.Copy(source, partial);
                if ((await BackupManifest.HashAsync(partial, cancellationToken).ConfigureAwait(false)).Sha256 != hash)
                {
                    File.Delete(partial);
                    return new Result(copied, unchanged, $"Tệp chép sai / the copy differs: {key}");
                }

                File.Move(partial, target, overwrite: true);
                copied++;
            }

            progress?.Report(new WorkProgress(BackupStages.Files, copied + unchanged, keys.Count));
        }

        return new Result(copied, unchanged, null);
    }
}
