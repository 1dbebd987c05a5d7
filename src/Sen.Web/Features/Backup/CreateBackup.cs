using System.Formats.Tar;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Media;
using Sen.Web.Infrastructure.Cli;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Backup;

/// <summary>
/// `sen backup --out FILE`: one tar archive with the database (SQLite's online backup, or pg_dump's
/// custom format), the media files and a manifest with each file's SHA-256. The site may keep serving
/// and taking edits meanwhile: the database copy is one consistent snapshot.
/// </summary>
public sealed class CreateBackup(SenDbContext db, LocalFolderMediaStore media, TimeProvider clock)
{
    public sealed record Result(int Files, long Bytes);

    public async Task<Result> HandleAsync(string outPath, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outPath);
        outPath = Path.GetFullPath(outPath);
        var folder = Path.GetDirectoryName(outPath)!;
        Directory.CreateDirectory(folder);
        var staging = Directory.CreateDirectory(Path.Combine(folder, $".sen-backup-{Guid.NewGuid():N}"));
        var partial = outPath + ".partial";
        try
        {
            // The database first: the media files it names were stored before their rows (UploadMedia),
            // so every file the snapshot refers to is in the folder when it is copied next.
            progress?.Report(new WorkProgress(BackupStages.Database, 0, 0));
            var (provider, databaseEntry, databaseFile) = await SnapshotDatabaseAsync(staging.FullName, cancellationToken).ConfigureAwait(false);

            var entries = new List<(string Entry, string File)> { (databaseEntry, databaseFile) };
            entries.AddRange(Directory.EnumerateFiles(media.Root)
                .Where(f => MediaKeys.IsValid(Path.GetFileName(f)))
                .Order(StringComparer.Ordinal)
                .Select(f => (BackupManifest.MediaPrefix + Path.GetFileName(f), f)));

            var files = new List<BackupFile>();
            long bytes = 0;
            var tarFile = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using (tarFile.ConfigureAwait(false))
            {
                var tar = new TarWriter(tarFile, TarEntryFormat.Pax, leaveOpen: true);
                await using (tar.ConfigureAwait(false))
                {
                    for (var i = 0; i < entries.Count; i++)
                    {
                        var (entry, file) = entries[i];
                        var (sha256, size) = await BackupManifest.HashAsync(file, cancellationToken).ConfigureAwait(false);
                        await tar.WriteEntryAsync(file, entry, cancellationToken).ConfigureAwait(false);
                        files.Add(new BackupFile(entry, size, sha256));
                        bytes += size;
                        progress?.Report(new WorkProgress(BackupStages.Archive, i + 1, entries.Count));
                    }

                    var manifest = new BackupManifest(BackupManifest.CurrentFormat, clock.GetUtcNow(), provider, files);
                    using var manifestStream = new MemoryStream(manifest.ToJson());
                    var manifestEntry = new PaxTarEntry(TarEntryType.RegularFile, BackupManifest.EntryName) { DataStream = manifestStream };
                    await tar.WriteEntryAsync(manifestEntry, cancellationToken).ConfigureAwait(false);
                }

                await tarFile.FlushAsync(cancellationToken).ConfigureAwait(false);
                tarFile.Flush(flushToDisk: true);
            }

            // Only a complete archive gets the name asked for.
            File.Move(partial, outPath, overwrite: true);
            return new Result(files.Count, bytes);
        }
        finally
        {
            File.Delete(partial);
            staging.Delete(recursive: true);
        }
    }

    private async Task<(string Provider, string Entry, string File)> SnapshotDatabaseAsync(string staging, CancellationToken cancellationToken)
    {
        var connectionString = db.Database.GetConnectionString()
            ?? throw new BackupException("Không có chuỗi kết nối / no connection string (ConnectionStrings:Default)");
        if (db.Database.IsNpgsql())
        {
            var dump = Path.Combine(staging, "sen.pgdump");
            await PostgresTools.RunAsync("pg_dump", connectionString, ["--format=custom", "--no-owner", "--no-privileges", "--file=" + dump], cancellationToken).ConfigureAwait(false);
            return ("Postgres", BackupManifest.PostgresEntry, dump);
        }

        // SQLite's online backup copies the whole database in one step under a read transaction: a
        // snapshot of one moment, while other connections go on writing (WAL).
        var copy = Path.Combine(staging, "sen.db");
        var source = new SqliteConnection(connectionString);
        await using (source.ConfigureAwait(false))
        {
            await source.OpenAsync(cancellationToken).ConfigureAwait(false);
            var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString());
            await using (target.ConfigureAwait(false))
            {
                await target.OpenAsync(cancellationToken).ConfigureAwait(false);
                source.BackupDatabase(target);
            }
        }

        return ("Sqlite", BackupManifest.SqliteEntry, copy);
    }
}
