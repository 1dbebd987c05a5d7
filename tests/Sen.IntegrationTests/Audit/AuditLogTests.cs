using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Audit;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Audit;

/// <summary>The audit log records who changed what, in the change's own transaction, and cannot be altered.</summary>
public abstract class AuditLogTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_entry_names_the_scopes_actor_and_the_fields_before_and_after()
    {
        factory.RequireProvider();
        var picked = await factory.PickAsync(3);
        var id = await factory.InScopeAsync(async sp =>
        {
            sp.GetRequiredService<CurrentUser>().ActAs(new Actor(42, "bientap@example.vn", [SenRoles.Writer], "203.0.113.9"));
            var db = sp.GetRequiredService<SenDbContext>();
            var article = await db.Articles.FirstAsync(a => a.Id == picked.Id, Ct);
            article.Title = "Tiêu đề sau khi sửa";
            var entry = sp.GetRequiredService<AuditLog>().Record(AuditActions.ArticleSaved, "Article", article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), article.Title, db.Entry(article));
            await db.SaveChangesAsync(Ct);
            return entry.Id;
        });

        var stored = await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().AuditEntries.AsNoTracking().SingleAsync(a => a.Id == id, Ct));
        Assert.Equal(42, stored.UserId);
        Assert.Equal("bientap@example.vn", stored.UserName);
        Assert.Equal("203.0.113.9", stored.IpAddress);
        Assert.Equal(AuditActions.ArticleSaved, stored.Action);
        var changes = JsonSerializer.Deserialize<Dictionary<string, string?[]>>(stored.Changes!)!;
        Assert.Equal(new[] { picked.Title, "Tiêu đề sau khi sửa" }, changes["Title"]);
        Assert.Single(changes);
    }

    [Fact]
    public async Task An_entry_can_be_neither_changed_nor_deleted()
    {
        factory.RequireProvider();
        var id = await factory.InScopeAsync(async sp =>
        {
            sp.GetRequiredService<CurrentUser>().ActAs(Actor.System("sen user add"));
            var entry = sp.GetRequiredService<AuditLog>().Record(AuditActions.UserCreated, "User", "7", "moi@example.vn");
            await sp.GetRequiredService<SenDbContext>().SaveChangesAsync(Ct);
            return entry.Id;
        });

        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            var entry = await db.AuditEntries.SingleAsync(a => a.Id == id, Ct);
            entry.Summary = "sửa lén";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
            db.ChangeTracker.Clear();
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(a => a.Id == id, Ct));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
            return 0;
        });

        var stored = await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().AuditEntries.AsNoTracking().SingleAsync(a => a.Id == id, Ct));
        Assert.Equal("moi@example.vn", stored.Summary);
        Assert.Equal("sen user add", stored.UserName);
        Assert.Null(stored.UserId);
    }
}

public sealed class SqliteAuditLogTests(SqliteAppFactory factory) : AuditLogTests<SqliteAppFactory>(factory);

public sealed class PostgresAuditLogTests(PostgresAppFactory factory) : AuditLogTests<PostgresAppFactory>(factory);
