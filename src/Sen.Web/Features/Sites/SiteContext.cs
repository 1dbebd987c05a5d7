using Microsoft.EntityFrameworkCore;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Sites;

/// <summary>
/// The site this request is for. One site is served today (<see cref="ConfiguredSite"/>); resolving by
/// host name for sub-sites will replace that class, and this lookup follows it.
/// </summary>
public sealed class SiteContext(SenDbContext db, ConfiguredSite configured)
{
    public const string DefaultKey = "default";

    private Site? site;

    public string Key => configured.Key;

    public async Task<Site> GetAsync(CancellationToken cancellationToken = default)
    {
        site ??= await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Key == Key, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Site '{Key}' does not exist; start with Database:SeedDemoContent=true or create it.");
        return site;
    }
}
