using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Sen.Web.Features.Accounts;

namespace Sen.Web.Infrastructure.Data;

// Used only by `dotnet ef migrations add`; no database is opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSenDbContext>
{
    public SqliteSenDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteSenDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlite(builder, "Data Source=design.db");
        return new SqliteSenDbContext(DesignTimeServices.Apply(builder).Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSenDbContext>
{
    public PostgresSenDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresSenDbContext>();
        DataServiceCollectionExtensions.ConfigurePostgres(builder, "Host=localhost;Database=sen_design");
        return new PostgresSenDbContext(DesignTimeServices.Apply(builder).Options);
    }
}

internal static class DesignTimeServices
{
    // Identity reads its schema version (which tables exist) from the app's IdentityOptions; without
    // them the migrations would describe the oldest schema.
    public static DbContextOptionsBuilder<T> Apply<T>(DbContextOptionsBuilder<T> builder)
        where T : DbContext
    {
        var services = new ServiceCollection();
        services.Configure<IdentityOptions>(SenIdentityOptions.Apply);
        builder.UseApplicationServiceProvider(services.BuildServiceProvider());
        return builder;
    }
}
