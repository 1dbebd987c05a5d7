using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sen.Web.Infrastructure.Data;

// Used only by `dotnet ef migrations add`; no database is opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSenDbContext>
{
    public SqliteSenDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteSenDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlite(builder, "Data Source=design.db");
        return new SqliteSenDbContext(builder.Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSenDbContext>
{
    public PostgresSenDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresSenDbContext>();
        DataServiceCollectionExtensions.ConfigurePostgres(builder, "Host=localhost;Database=sen_design");
        return new PostgresSenDbContext(builder.Options);
    }
}
