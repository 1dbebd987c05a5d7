using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sen.Web.Infrastructure.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers <see cref="SenDbContext"/> on the provider chosen by Database:Provider.</summary>
    public static IServiceCollection AddSenData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        var connectionString = configuration.GetConnectionString("Default");

        // Features add their own interceptors (the search index); this one tells the caches when a save changes what readers see.
        services.AddSingleton<ContentChangeInterceptor>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<ContentChangeInterceptor>());
        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Default is empty.");
                }

                services.AddDbContextPool<PostgresSenDbContext>((sp, o) => ConfigurePostgres(o, connectionString).AddInterceptors(sp.GetServices<IInterceptor>()));
                services.AddScoped<SenDbContext>(sp => sp.GetRequiredService<PostgresSenDbContext>());
                break;
            default:
                var sqlite = SqliteConnectionString(connectionString, configuration, environment);
                services.AddDbContextPool<SqliteSenDbContext>((sp, o) => ConfigureSqlite(o, sqlite).AddInterceptors(sp.GetServices<IInterceptor>()));
                services.AddScoped<SenDbContext>(sp => sp.GetRequiredService<SqliteSenDbContext>());
                break;
        }

        return services;
    }

    /// <summary>Runs migrations and the demo seed as the host starts.</summary>
    public static IServiceCollection AddDatabaseInitialization(this IServiceCollection services) =>
        services.AddHostedService<DatabaseInitializationService>();

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        SkipModelCheckOnMigrate(builder.UseSqlite(connectionString, o => o.MigrationsHistoryTable("__EFMigrationsHistory")));

    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder builder, string connectionString) =>
        SkipModelCheckOnMigrate(builder.UseNpgsql(connectionString));

    // Before migrating, EF looks for model changes that no migration holds, which means building the whole
    // model from OnModelCreating: the compiled model (CompiledModels/, tools/compiled-models.sh) spares
    // exactly that, about 200 ms of every start. The tests make the same check for both providers (MigrationsTests).
    private static DbContextOptionsBuilder SkipModelCheckOnMigrate(DbContextOptionsBuilder builder) =>
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));

    private static string SqliteConnectionString(string? configured, IConfiguration configuration, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var dataPath = configuration["Sen:DataPath"];
        dataPath = string.IsNullOrWhiteSpace(dataPath) ? Path.Combine(environment.ContentRootPath, "App_Data") : Path.GetFullPath(dataPath, environment.ContentRootPath);
        Directory.CreateDirectory(dataPath);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataPath, "sen.db"),
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();
    }
}
