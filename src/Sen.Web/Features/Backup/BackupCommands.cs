using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sen.Web.Infrastructure.Cli;

namespace Sen.Web.Features.Backup;

/// <summary>`sen backup --out FILE` and `sen restore FILE` (docs/OPERATIONS.md).</summary>
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
                var result = await ActivatorUtilities.CreateInstance<CreateBackup>(services)
                    .HandleAsync(parse.GetValue(output)!.FullName, ProgressLine(), ct).ConfigureAwait(false);
                Console.Error.WriteLine();
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
                    var result = await ActivatorUtilities.CreateInstance<RestoreBackup>(services).HandleAsync(path.FullName, ProgressLine(), ct).ConfigureAwait(false);
                    Console.Error.WriteLine();
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

        return [backup, restore];
    }

    // One line that rewrites itself on a terminal; plain lines when the output is redirected (logs).
    private static Progress<string> ProgressLine() => new(step =>
    {
        if (Console.IsErrorRedirected)
        {
            Console.Error.WriteLine(step);
        }
        else
        {
            Console.Error.Write("\r\u001b[K" + step);
        }
    });
}
