using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sen.Web.Infrastructure.Cli;

namespace Sen.Web.Features.Backup;

/// <summary>`sen backup --out FILE`, `sen restore FILE` and `sen db copy --from … --to …` (docs/OPERATIONS.md).</summary>
public static class BackupCommands
{
    public static IEnumerable<Command> Create()
    {
        var output = new Option<FileInfo>("--out") { Description = "Tệp sao lưu cần ghi (.tar). / The archive to write (.tar).", Required = true };
        var backup = new Command("backup", "Sao lưu cơ sở dữ liệu và tệp media vào một tệp. / Back up the database and media into one archive.") { output };
        backup.SetAction((parse, cancellationToken) => SenCommandLine.WithServicesAsync(async (services, ct) =>
        {
            var watch = Stopwatch.StartNew();
            try
            {
                var result = await ConsoleProgress.RunAsync(progress => ActivatorUtilities.CreateInstance<CreateBackup>(services)
                    .HandleAsync(parse.GetValue(output)!.FullName, progress, ct)).ConfigureAwait(false);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Đã sao lưu / backed up: {result.Files} tệp / files, {result.Bytes / 1024.0 / 1024.0:0.0} MB ({watch.Elapsed.TotalSeconds:0.0} s)"));
                return 0;
            }
            catch (BackupException e)
            {
                await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return 1;
            }
        }, cancellationToken));

        var archive = new Argument<FileInfo>("file") { Description = "Tệp sao lưu. / The backup archive." };
        var restore = new Command("restore", "Kiểm tra rồi khôi phục một bản sao lưu (dừng máy chủ trước). / Verify and restore a backup (stop the site first).") { archive };
        restore.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(archive)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"Không tìm thấy tệp / file not found: {path.FullName}").ConfigureAwait(false);
                return 2;
            }

            return await SenCommandLine.WithServicesAsync(async (services, ct) =>
            {
                try
                {
                    var result = await ConsoleProgress.RunAsync(progress => ActivatorUtilities.CreateInstance<RestoreBackup>(services)
                        .HandleAsync(path.FullName, progress, ct)).ConfigureAwait(false);
                    await (result.Restored ? Console.Out : Console.Error).WriteLineAsync(result.Message).ConfigureAwait(false);
                    return result.Restored ? 0 : 2;
                }
                catch (BackupException e)
                {
                    await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                    return 1;
                }
            }, cancellationToken).ConfigureAwait(false);
        });

        var from = new Option<string>("--from") { Description = "Nguồn / source: sqlite:\"Data Source=sen.db\" | postgres:\"Host=…;Database=…\"", Required = true };
        var to = new Option<string>("--to") { Description = "Đích (trống) / target (empty): sqlite:… | postgres:…", Required = true };
        var mediaFrom = new Option<DirectoryInfo?>("--media-from") { Description = "Thư mục media hiện tại (cùng --media-to). / The current media folder (with --media-to)." };
        var mediaTo = new Option<DirectoryInfo?>("--media-to") { Description = "Thư mục media mới, ví dụ ổ NFS của các máy chủ. / The new media folder, e.g. the nodes' NFS mount." };
        var copy = new Command("copy", "Chép toàn bộ cơ sở dữ liệu sang cơ sở dữ liệu trống khác (SQLite ↔ PostgreSQL), và tệp media nếu cần. / Copy the whole database into an empty one (SQLite ↔ PostgreSQL), and the media files if asked.") { from, to, mediaFrom, mediaTo };
        copy.SetAction(async (parse, cancellationToken) =>
        {
            var source = CopyDatabase.Endpoint.TryParse(parse.GetValue(from));
            var target = CopyDatabase.Endpoint.TryParse(parse.GetValue(to));
            var (mediaSource, mediaTarget) = (parse.GetValue(mediaFrom), parse.GetValue(mediaTo));
            if (source is null || target is null || (mediaSource is null) != (mediaTarget is null))
            {
                await Console.Error.WriteLineAsync("Dạng / form: --from sqlite:\"Data Source=sen.db\" --to postgres:\"Host=…;Database=…;Username=…\" [--media-from DIR --media-to DIR]").ConfigureAwait(false);
                return 2;
            }

            var result = await ConsoleProgress.RunAsync(progress => CopyDatabase.HandleAsync(source, target, progress, cancellationToken)).ConfigureAwait(false);
            await (result.Copied ? Console.Out : Console.Error).WriteLineAsync(result.Message).ConfigureAwait(false);
            if (!result.Copied || mediaSource is null)
            {
                return result.Copied ? 0 : 2;
            }

            var media = await ConsoleProgress.RunAsync(progress => CopyMediaFolder.HandleAsync(mediaSource.FullName, mediaTarget!.FullName, progress, cancellationToken)).ConfigureAwait(false);
            await (media.Succeeded ? Console.Out : Console.Error).WriteLineAsync(media.Problem
                ?? $"Đã chép / copied {media.Copied} tệp media / media files ({media.Unchanged} đã có / already there)").ConfigureAwait(false);
            return media.Succeeded ? 0 : 2;
        });

        return [backup, restore, new Command("db", "Cơ sở dữ liệu. / The database.") { copy }];
    }
}
