using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Sen.Web.Infrastructure.Cli;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Backup;

/// <summary>
/// `sen db copy --from PROVIDER:CONNECTION --to PROVIDER:CONNECTION`: every row of every table of Sen's
/// model into an empty database of either kind, ids kept, in the order the foreign keys need; on
/// PostgreSQL the identity sequences then continue after the copied ids.
/// </summary>
public sealed class CopyDatabase
{
    private static readonly MethodInfo CopyTableMethod = typeof(CopyDatabase).GetMethod(nameof(CopyTableAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public sealed record Endpoint(DatabaseProvider Provider, string ConnectionString)
    {
        /// <summary>"sqlite:Data Source=sen.db" or "postgres:Host=…;Database=…", or null when it is neither.</summary>
        public static Endpoint? TryParse(string? text)
        {
            var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
            if (text is null || colon < 0)
            {
                return null;
            }

            var provider = text[..colon].Trim().ToUpperInvariant() switch
            {
                "SQLITE" => DatabaseProvider.Sqlite,
                "POSTGRES" or "POSTGRESQL" => DatabaseProvider.Postgres,
                _ => (DatabaseProvider?)null,
            };
            var connection = text[(colon + 1)..].Trim();
            return provider is null || connection.Length == 0 ? null : new Endpoint(provider.Value, connection);
        }
    }

    public sealed record Result(bool Copied, string Message, long Rows = 0);

    public static async Task<Result> HandleAsync(Endpoint from, Endpoint to, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        await using var source = Open(from);
        await using var target = Open(to);
        await target.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var types = Ordered(source.Model);
        foreach (var type in types)
        {
            if (await (Task<bool>)typeof(CopyDatabase).GetMethod(nameof(HasRowsAsync), BindingFlags.NonPublic | BindingFlags.Static)!
                    .MakeGenericMethod(type.ClrType).Invoke(null, [target, cancellationToken])!)
            {
                return new Result(false, $"Cơ sở dữ liệu đích không trống / the target database is not empty ({type.GetTableName()})");
            }
        }

        long rows = 0;
        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i];
            var copied = await (Task<int>)CopyTableMethod.MakeGenericMethod(type.ClrType).Invoke(null, [source, target, cancellationToken])!;
            rows += copied;
            progress?.Report(new WorkProgress(BackupStages.Tables, i + 1, types.Count));
        }

        if (to.Provider == DatabaseProvider.Postgres)
        {
            await ResetSequencesAsync(target, types, cancellationToken).ConfigureAwait(false);
        }

        return new Result(true, $"Đã chép / copied {rows} dòng / rows, {types.Count} bảng / tables", rows);
    }

    private static SenDbContext Open(Endpoint endpoint)
    {
        if (endpoint.Provider == DatabaseProvider.Postgres)
        {
            var builder = new DbContextOptionsBuilder<PostgresSenDbContext>();
            DataServiceCollectionExtensions.ConfigurePostgres(builder, endpoint.ConnectionString);
            return new PostgresSenDbContext(DesignTimeServices.Apply(builder).Options);
        }

        var sqlite = new DbContextOptionsBuilder<SqliteSenDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlite(sqlite, endpoint.ConnectionString);
        return new SqliteSenDbContext(DesignTimeServices.Apply(sqlite).Options);
    }

    /// <summary>The model's tables, each after the tables its foreign keys point to.</summary>
    private static List<IEntityType> Ordered(IModel model)
    {
        var types = model.GetEntityTypes().Where(t => !t.IsOwned() && t.ClrType != typeof(Dictionary<string, object>) && t.GetTableName() is not null).ToList();
        var ordered = new List<IEntityType>();
        var done = new HashSet<IEntityType>();
        while (ordered.Count < types.Count)
        {
            var ready = types.Where(t => !done.Contains(t)
                && t.GetForeignKeys().All(fk => fk.PrincipalEntityType == t || done.Contains(fk.PrincipalEntityType) || !types.Contains(fk.PrincipalEntityType))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("The model's foreign keys form a cycle: " + string.Join(", ", types.Except(done).Select(t => t.GetTableName())));
            }

            ordered.AddRange(ready);
            done.UnionWith(ready);
        }

        return ordered;
    }

    private static Task<bool> HasRowsAsync<T>(SenDbContext db, CancellationToken cancellationToken)
        where T : class => db.Set<T>().AnyAsync(cancellationToken);

    private static async Task<int> CopyTableAsync<T>(SenDbContext source, SenDbContext target, CancellationToken cancellationToken)
        where T : class
    {
        const int Batch = 1000;
        var copied = 0;
        var keys = source.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties;
        IQueryable<T> query = source.Set<T>().AsNoTracking();
        query = keys.Aggregate((IOrderedQueryable<T>?)null, (ordered, key) => ordered is null
            ? query.OrderBy(e => EF.Property<object>(e, key.Name))
            : ordered.ThenBy(e => EF.Property<object>(e, key.Name)))!;
        while (true)
        {
            var rows = await query.Skip(copied).Take(Batch).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (rows.Count == 0)
            {
                return copied;
            }

            target.Set<T>().AddRange(rows);
            await target.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            target.ChangeTracker.Clear();
            copied += rows.Count;
        }
    }

    // Ids were inserted as they were; the sequences behind identity columns must continue after them.
    private static async Task ResetSequencesAsync(SenDbContext target, IEnumerable<IEntityType> types, CancellationToken cancellationToken)
    {
        foreach (var type in types)
        {
            var key = type.FindPrimaryKey();
            if (key is not { Properties: [{ ClrType: var clr } keyProperty] } || (clr != typeof(int) && clr != typeof(long)) || keyProperty.ValueGenerated == ValueGenerated.Never)
            {
                continue;
            }

            var table = type.GetTableName()!;
            var column = keyProperty.GetColumnName(StoreObjectIdentifier.Table(table, type.GetSchema()));
#pragma warning disable EF1002 // Table and column names come from Sen's own model, never from input.
            await target.Database.ExecuteSqlRawAsync(
                $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), COALESCE((SELECT MAX(\"{column}\") FROM \"{table}\"), 0) + 1, false) WHERE pg_get_serial_sequence('\"{table}\"', '{column}') IS NOT NULL",
                cancellationToken).ConfigureAwait(false);
#pragma warning restore EF1002
        }
    }
}
