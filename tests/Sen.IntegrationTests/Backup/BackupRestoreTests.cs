using System.Globalization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Backup;
using Sen.Web.Features.Media;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Backup;

/// <summary>
/// `sen backup` and `sen restore` through their handlers, on a real database: a site restored into an
/// empty one has every row of every table and every media file, and a damaged archive changes nothing.
/// </summary>
public abstract class BackupRestoreTests<TFactory>
    where TFactory : SenAppFactory, new()
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_backup_restored_into_an_empty_site_gives_every_row_and_media_file_back()
    {
        await using var source = await SiteAsync();
        await using var target = await SiteAsync();
        source.Factory.RequireProvider();
        await source.App.Services.GetRequiredService<IMediaStore>().SaveAsync("0a1b2c3d-bao-cao.pdf", new MemoryStream("%PDF-1.4 báo cáo"u8.ToArray()), Ct);
        await target.App.Services.GetRequiredService<IMediaStore>().SaveAsync("ffff0000-chi-o-dich.pdf", new MemoryStream("%PDF-1.4"u8.ToArray()), Ct);
        var archive = Path.Combine(source.Media, "..", "backup.tar");

        var created = await InScopeAsync(source.App, sp => ActivatorUtilities.CreateInstance<CreateBackup>(sp).HandleAsync(archive, null, Ct));
        Assert.True(created.Files >= 2);
        var restored = await InScopeAsync(target.App, sp => ActivatorUtilities.CreateInstance<RestoreBackup>(sp).HandleAsync(archive, null, Ct));
        Assert.True(restored.Restored, restored.Message);

        var before = await DumpAsync(source.App);
        var after = await DumpAsync(target.App);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.Contains(before.Keys, t => t.Contains("Articles", StringComparison.OrdinalIgnoreCase));
        foreach (var table in before.Keys)
        {
            Assert.True(before[table] == after[table], $"{table} differs after the restore");
        }

        Assert.Equal(MediaFiles(source.Media), MediaFiles(target.Media));
        Assert.False(File.Exists(Path.Combine(target.Media, "ffff0000-chi-o-dich.pdf")), "A file the backup does not have is removed");
    }

    [Fact]
    public async Task A_damaged_archive_is_refused_and_changes_nothing()
    {
        await using var source = await SiteAsync();
        await using var target = await SiteAsync();
        source.Factory.RequireProvider();
        var picture = Enumerable.Repeat("SEN-ANH-"u8.ToArray(), 512).SelectMany(b => b).ToArray();
        await source.App.Services.GetRequiredService<IMediaStore>().SaveAsync("0a1b2c3d-anh.jpg", new MemoryStream(picture), Ct);
        var archive = Path.Combine(source.Media, "..", "backup.tar");
        await InScopeAsync(source.App, sp => ActivatorUtilities.CreateInstance<CreateBackup>(sp).HandleAsync(archive, null, Ct));
        var targetBefore = await DumpAsync(target.App);
        var targetMediaBefore = MediaFiles(target.Media);

        // One bit of the media file's content, inside the archive (tar headers have a checksum of
        // their own, the contents only the manifest's).
        var bytes = await File.ReadAllBytesAsync(archive, Ct);
        var damaged = Path.Combine(source.Media, "..", "damaged.tar");
        var at = bytes.AsSpan().IndexOf(new ReadOnlySpan<byte>(picture));
        Assert.True(at > 0, "The picture is not in the archive as it is");
        bytes[at + 100] ^= 1;
        await File.WriteAllBytesAsync(damaged, bytes, Ct);
        var refused = await InScopeAsync(target.App, sp => ActivatorUtilities.CreateInstance<RestoreBackup>(sp).HandleAsync(damaged, null, Ct));
        Assert.False(refused.Restored);
        Assert.Contains("0a1b2c3d-anh.jpg", refused.Message, StringComparison.Ordinal);

        // Cut short.
        var cut = Path.Combine(source.Media, "..", "cut.tar");
        await File.WriteAllBytesAsync(cut, (await File.ReadAllBytesAsync(archive, Ct))[..(bytes.Length / 2)], Ct);
        var refusedCut = await InScopeAsync(target.App, sp => ActivatorUtilities.CreateInstance<RestoreBackup>(sp).HandleAsync(cut, null, Ct));
        Assert.False(refusedCut.Restored);

        Assert.Equal(targetBefore, await DumpAsync(target.App));
        Assert.Equal(targetMediaBefore, MediaFiles(target.Media));
    }

    protected sealed class Site(TFactory factory, WebApplicationFactory<Program> app, string media) : IAsyncDisposable
    {
        public TFactory Factory => factory;

        public WebApplicationFactory<Program> App => app;

        public string Media => media;

        public async ValueTask DisposeAsync()
        {
            await app.DisposeAsync();
            await factory.DisposeAsync();
            Directory.Delete(Path.GetDirectoryName(media)!, recursive: true);
        }
    }

    protected static async Task<Site> SiteAsync()
    {
        var factory = new TFactory();
        await factory.InitializeAsync();
        var folder = Directory.CreateTempSubdirectory("sen-backup-test-").FullName;
        var media = Path.Combine(folder, "media");
        var app = factory.WithWebHostBuilder(b => b.UseSetting("Media:Path", media));
        if (factory.UnavailableReason is null)
        {
            // Starts the host: migrations and the demo content.
            app.CreateClient().Dispose();
        }

        return new Site(factory, app, media);
    }

    protected static async Task<T> InScopeAsync<T>(WebApplicationFactory<Program> app, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    protected static Task<Dictionary<string, string>> DumpAsync(WebApplicationFactory<Program> app) =>
        InScopeAsync(app, sp => DatabaseDump.AllRowsAsync(sp.GetRequiredService<SenDbContext>()));

    private static List<(string Name, string Content)> MediaFiles(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Where(f => !Path.GetFileName(f).StartsWith('.'))
                .Select(f => (Path.GetFileName(f), Convert.ToHexString(File.ReadAllBytes(f)))).OrderBy(f => f.Item1, StringComparer.Ordinal).ToList()
            : [];
}

public sealed class SqliteBackupRestoreTests : BackupRestoreTests<SqliteAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_backup_taken_under_write_load_is_one_consistent_moment()
    {
        await using var source = await SiteAsync();
        await using var target = await SiteAsync();
        var connectionString = await InScopeAsync(source.App, sp => Task.FromResult(sp.GetRequiredService<SenDbContext>().Database.GetConnectionString()!));
        await using (var setup = new SqliteConnection(connectionString))
        {
            await setup.OpenAsync(Ct);
            await using var create = setup.CreateCommand();
            create.CommandText = "CREATE TABLE probe_rows (id INTEGER PRIMARY KEY); CREATE TABLE probe_total (n INTEGER NOT NULL); INSERT INTO probe_total VALUES (0);";
            await create.ExecuteNonQueryAsync(Ct);
        }

        // Each transaction adds a row to one table and counts it in the other: in any one moment of
        // the database the two agree.
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(Ct);
            while (!stop.IsCancellationRequested)
            {
                await using var transaction = await connection.BeginTransactionAsync(Ct);
                await using var command = connection.CreateCommand();
                command.Transaction = (SqliteTransaction)transaction;
                command.CommandText = "INSERT INTO probe_rows DEFAULT VALUES; UPDATE probe_total SET n = n + 1;";
                await command.ExecuteNonQueryAsync(Ct);
                await transaction.CommitAsync(Ct);
                Interlocked.Increment(ref written);
            }
        }, Ct);

        while (Volatile.Read(ref written) < 50)
        {
            await Task.Delay(10, Ct);
        }

        var archive = Path.Combine(source.Media, "..", "backup.tar");
        var atStart = Volatile.Read(ref written);
        await InScopeAsync(source.App, sp => ActivatorUtilities.CreateInstance<CreateBackup>(sp).HandleAsync(archive, null, Ct));
        var atEnd = Volatile.Read(ref written);
        await stop.CancelAsync();
        await writer;

        var restored = await InScopeAsync(target.App, sp => ActivatorUtilities.CreateInstance<RestoreBackup>(sp).HandleAsync(archive, null, Ct));
        Assert.True(restored.Restored, restored.Message);
        var targetConnection = await InScopeAsync(target.App, sp => Task.FromResult(sp.GetRequiredService<SenDbContext>().Database.GetConnectionString()!));
        await using var check = new SqliteConnection(targetConnection);
        await check.OpenAsync(Ct);
        Assert.Equal("ok", await ScalarAsync(check, "PRAGMA integrity_check"));
        var rows = Convert.ToInt64(await ScalarAsync(check, "SELECT count(*) FROM probe_rows"), CultureInfo.InvariantCulture);
        var total = Convert.ToInt64(await ScalarAsync(check, "SELECT n FROM probe_total"), CultureInfo.InvariantCulture);
        Assert.Equal(rows, total);
        Assert.InRange(rows, atStart, atEnd + 1);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }
}

public sealed class PostgresBackupRestoreTests : BackupRestoreTests<PostgresAppFactory>;
