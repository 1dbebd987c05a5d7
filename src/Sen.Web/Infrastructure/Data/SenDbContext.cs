using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Categories;
using Sen.Web.Features.Documents;
using Sen.Web.Features.Links;
using Sen.Web.Features.Media;
using Sen.Web.Features.Newsroom;
using Sen.Web.Features.Notifications;
using Sen.Web.Features.Polls;
using Sen.Web.Features.Redirects;
using Sen.Web.Features.Search;
using Sen.Web.Features.Sites;
using Sen.Web.Features.ViewCounts;
using Sen.Web.Text;

namespace Sen.Web.Infrastructure.Data;

/// <summary>
/// Sen's data. Provider-neutral: each provider has a thin subclass only so that its migrations
/// live in their own folder with their own snapshot. Accounts are ASP.NET Core Identity's tables.
/// </summary>
public abstract class SenDbContext(DbContextOptions options) : IdentityDbContext<SenUser, IdentityRole<int>, int>(options)
{
    private static readonly ConcurrentDictionary<IProperty, bool> HtmlProperties = new();

    public DbSet<Site> Sites => Set<Site>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<CategorySlugAlias> CategorySlugAliases => Set<CategorySlugAlias>();

    public DbSet<Article> Articles => Set<Article>();

    public DbSet<WebsiteLink> WebsiteLinks => Set<WebsiteLink>();

    public DbSet<ArticleViewsDaily> ArticleViewsDaily => Set<ArticleViewsDaily>();

    public DbSet<SearchEntry> SearchEntries => Set<SearchEntry>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AccountInvitation> AccountInvitations => Set<AccountInvitation>();

    public DbSet<MediaAsset> MediaAssets => Set<MediaAsset>();

    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Redirect> Redirects => Set<Redirect>();

    public DbSet<Poll> Polls => Set<Poll>();

    public DbSet<PollOption> PollOptions => Set<PollOption>();

    public DbSet<LegalDocument> LegalDocuments => Set<LegalDocument>();
    public DbSet<DocumentAttachment> DocumentAttachments => Set<DocumentAttachment>();

    public abstract DatabaseProvider Provider { get; }

    // Before the save interceptors run (search index, cache eviction), so they see the text as stored.
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        NormalizeText();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        NormalizeText();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SenDbContext).Assembly, type => type.Namespace == typeof(SenDbContext).Namespace + ".Configurations");
        StoreDateTimesAsUtc(builder);
    }

    // Text from forms, importers and APIs may arrive decomposed (NFD); comparing, slugging and
    // searching all assume NFC, so it is enforced once here for every string column. HTML columns are
    // sanitized here too (SafeHtml also normalizes), so no writer can store a script.
    private void NormalizeText()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is string value && (entry.State == EntityState.Added || property.IsModified))
                {
                    var normalized = IsHtml(property.Metadata) ? SafeHtml.Sanitize(value) : VietnameseText.Nfc(value);
                    if (!ReferenceEquals(normalized, value) && normalized != value)
                    {
                        property.CurrentValue = normalized;
                    }
                }
            }
        }
    }

    private static bool IsHtml(IProperty property) =>
        HtmlProperties.GetOrAdd(property, p => p.PropertyInfo?.IsDefined(typeof(SanitizedHtmlAttribute), inherit: true) == true);

    // SQLite hands DateTime back with Kind=Unspecified; everything Sen stores is UTC.
    private static void StoreDateTimesAsUtc(ModelBuilder modelBuilder)
    {
        var utc = new ValueConverter<DateTime, DateTime>(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        var utcNullable = new ValueConverter<DateTime?, DateTime?>(v => v, v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if (property.ClrType == typeof(DateTime))
                {
                    property.SetValueConverter(utc);
                }
                else if (property.ClrType == typeof(DateTime?))
                {
                    property.SetValueConverter(utcNullable);
                }
            }
        }
    }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class SqliteSenDbContext(DbContextOptions<SqliteSenDbContext> options) : SenDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresSenDbContext(DbContextOptions<PostgresSenDbContext> options) : SenDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
