using System.Formats.Tar;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Media;
using Sen.Web.Infrastructure.Cli;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Backup;

/// <summary>
/// `sen restore FILE`: checks every file of the archive against its manifest, and only then replaces
/// the database and the media files with the archive's. A damaged, cut-short or foreign archive
/// changes nothing. Stop the site's nodes first: a restore replaces what they serve.
/// </summary>
public sealed class RestoreBackup(SenDbContext db, LocalFolderMediaStore media)
{
    public sealed record Result(bool Restored, string Message, int Files = 0);

    public async Task<Result> HandleAsync(string archivePath, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(archivePath);
        if (!File.Exists(archivePath))
        {
            return new Result(false, $"Không tìm thấy tệp / file not found: {archivePath}");
        }

        var staging = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(media.Root)!, $".sen-restore-{Guid.NewGuid():N}"));
        try
        {
            progress?.Report(new WorkProgress(BackupStages.Verifying, 0, 0));
            var (manifest, problem) = await ExtractAndVerifyAsync(archivePath, staging.FullName, cancellationToken).ConfigureAwait(false);
            if (manifest is null)
            {
                return new Result(false, "Tệp sao lưu hỏng, không khôi phục gì / the backup is damaged, nothing was restored: " + problem);
            }

            var isPostgres = db.Database.IsNpgsql();
            if (manifest.Provider != (isPostgres ? "Postgres" : "Sqlite"))
            {
                return new Result(false, $"Bản sao lưu của {manifest.Provider}, cơ sở dữ liệu này là {(isPostgres ? "Postgres" : "Sqlite")} / the backup is of another database kind: use `sen db copy`");
            }

            progress?.Report(new WorkProgress(BackupStages.Database, 0, 0));
            var connectionString = db.Database.GetConnectionString()!;
            if (isPostgres)
            {
                await PostgresTools.RunAsync("pg_restore", connectionString,
                    ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", Path.Combine(staging.FullName, BackupManifest.PostgresEntry)],
                    cancellationToken).ConfigureAwait(false);
            }
            else
            {
                RestoreSqlite(Path.Combine(staging.FullName, BackupManifest.SqliteEntry), connectionString);
            }

            var kept = manifest.Files.Where(f => f.Path.StartsWith(BackupManifest.MediaPrefix, StringComparison.Ordinal))
                .Select(f => f.Path[BackupManifest.MediaPrefix.Length..]).ToHashSet(StringComparer.Ordinal);
            var copied = 0;
            foreach (var key in kept)
            {
                File.Copy(Path.Combine(staging.FullName, BackupManifest.MediaPrefix, key), media.PathOf(key), overwrite: true);
                progress?.Report(new WorkProgress(BackupStages.Files, ++copied, kept.Count));
            }

            foreach (var file in Directory.EnumerateFiles(media.Root).Where(f => MediaKeys.IsValid(Path.GetFileName(f)) && !kept.Contains(Path.GetFileName(f))).ToList())
            {
                File.Delete(file);
            }

            return new Result(true, $"Đã khôi phục / restored: {manifest.Files.Count} tệp / files ({manifest.CreatedAt:u})", manifest.Files.Count);
        }
        finally
        {
            staging.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Extracts every entry into <paramref name="staging"/> and checks it against the manifest: the same
    /// set of files, each with its size and SHA-256. Returns the manifest, or null and why not.
    /// </summary>
    private static async Task<(BackupManifest? Manifest, string Problem)> ExtractAndVerifyAsync(string archivePath, string staging, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, (long Size, string Sha256)>(StringComparer.Ordinal);
        byte[]? manifestJson = null;
        try
        {
            var archive = File.OpenRead(archivePath);
            await using (archive.ConfigureAwait(false))
            {
                var tar = new TarReader(archive);
                await using (tar.ConfigureAwait(false))
                {
                    while (await tar.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
                    {
                        if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
                        {
                            return (null, $"mục lạ / unexpected entry '{entry.Name}'");
                        }

                        if (entry.Name == BackupManifest.EntryName)
                        {
                            using var buffer = new MemoryStream();
                            await entry.DataStream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                            manifestJson = buffer.ToArray();
                            continue;
                        }

                        if (!IsAllowedEntry(entry.Name))
                        {
                            return (null, $"mục lạ / unexpected entry '{entry.Name}'");
                        }

                        var target = Path.Combine(staging, entry.Name);
                        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                        var file = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
                        await using (file.ConfigureAwait(false))
                        {
                            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                            var bytes = new byte[1 << 16];
                            long size = 0;
                            int read;
                            while ((read = await entry.DataStream.ReadAsync(bytes, cancellationToken).ConfigureAwait(false)) > 0)
                            {
                                hash.AppendData(bytes, 0, read);
                                await file.WriteAsync(bytes.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                                size += read;
                            }

                            found[entry.Name] = (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
                        }
                    }
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException or IOException)
        {
            return (null, $"không đọc được tar / not a readable tar archive ({ex.Message})");
        }

        var manifest = manifestJson is null ? null : BackupManifest.TryRead(manifestJson);
        if (manifest is null)
        {
            return (null, "thiếu manifest.json / no manifest.json");
        }

        if (manifest.Format != BackupManifest.CurrentFormat)
        {
            return (null, $"định dạng {manifest.Format} không hỗ trợ / unsupported format {manifest.Format}");
        }

        foreach (var file in manifest.Files)
        {
            if (!found.Remove(file.Path, out var actual))
            {
                return (null, $"thiếu / missing {file.Path}");
            }

            if (actual.Size != file.Size || !string.Equals(actual.Sha256, file.Sha256, StringComparison.Ordinal))
            {
                return (null, $"sai SHA-256 / checksum mismatch: {file.Path}");
            }
        }

        if (found.Count > 0)
        {
            return (null, $"tệp ngoài manifest / not in the manifest: {found.Keys.First()}");
        }

        var database = manifest.Provider == "Postgres" ? BackupManifest.PostgresEntry : BackupManifest.SqliteEntry;
        if (!manifest.Files.Any(f => f.Path == database))
        {
            return (null, "thiếu cơ sở dữ liệu / no database in the archive");
        }

        return (manifest, "");
    }

    private static bool IsAllowedEntry(string name) =>
        name is BackupManifest.SqliteEntry or BackupManifest.PostgresEntry
        || (name.StartsWith(BackupManifest.MediaPrefix, StringComparison.Ordinal) && MediaKeys.IsValid(name[BackupManifest.MediaPrefix.Length..]));

    // The online backup API in the other direction: the live database's pages are replaced by the
    // archive's in one transaction, whatever connections the pool keeps open.
    private static void RestoreSqlite(string staged, string connectionString)
    {
        using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = staged, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        source.Open();
        using var target = new SqliteConnection(connectionString);
        target.Open();
        source.BackupDatabase(target);
    }
}
