using Microsoft.EntityFrameworkCore;
using Sen.Web.Features.Audit;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Sites;

/// <summary>Changes the current site's settings; audited field by field. Output encodes them, so they are stored as typed.</summary>
public sealed class SaveSiteSettings(SenDbContext db, SiteContext siteContext, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<string>> HandleAsync(SiteSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (cleaned, problems) = settings.Clean();
        if (problems.Count > 0)
        {
            return problems;
        }

        var key = siteContext.Key;
        var site = await db.Sites.FirstAsync(s => s.Key == key, cancellationToken).ConfigureAwait(false);
        site.Name = cleaned.Name!;
        site.WelcomeLine = cleaned.WelcomeLine!;
        site.FooterAgency = cleaned.FooterAgency!;
        site.FooterAddress = cleaned.FooterAddress!;
        site.FooterPhone = cleaned.FooterPhone!;
        site.FooterEmail = cleaned.FooterEmail!;
        site.LicenceLine = cleaned.LicenceLine!;
        var entry = db.Entry(site);
        entry.DetectChanges();
        if (entry.State == EntityState.Modified)
        {
            audit.Record(AuditActions.SettingsChanged, nameof(Site), site.Key, site.Name, entry, site.Id);
            site.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return [];
    }
}
