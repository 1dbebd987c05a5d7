using Microsoft.EntityFrameworkCore;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Sites;

/// <summary>
/// The site this request is for. One site is served today (Sen:SiteKey, default "default");
/// resolving by host name for sub-sites will replace the lookup here and nowhere else.
/// </summary>
public sealed class SiteContext(SenDbContext db, IConfiguration configuration)
{
    public const string DefaultKey = "default";

    private Site? site;

    public string Key => configuration["Sen:SiteKey"] ?? DefaultKey;

    public async Task<Site> GetAsync(CancellationToken cancellationToken = default)
    {
        site ??= await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Key == Key, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Site '{Key}' does not exist; start with Database:SeedDemoContent=true or create it.");
        return site;
    }
}
