using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Admin;
using Sen.Web.Features.Api;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Categories;
using Sen.Web.Features.Documents;
using Sen.Web.Features.Errors;
using Sen.Web.Features.Import;
using Sen.Web.Features.Links;
using Sen.Web.Features.Media;
using Sen.Web.Features.Newsroom;
using Sen.Web.Features.Notifications;
using Sen.Web.Features.Operations;
using Sen.Web.Features.Polls;
using Sen.Web.Features.Redirects;
using Sen.Web.Features.Search;
using Sen.Web.Features.Seo;
using Sen.Web.Features.Sites;
using Sen.Web.Features.ViewCounts;
using Sen.Web.Infrastructure.Caching;
using Sen.Web.Infrastructure.Cluster;
using Sen.Web.Infrastructure.Data;
using Sen.Web.Infrastructure.Hosting;
using Sen.Web.Infrastructure.Http;

namespace Sen.Web;

/// <summary>Builds the web application: services from each feature, then the pipeline.</summary>
public static class SenApp
{
    private const string HostLogCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <param name="args">Host arguments (--urls ...).</param>
    /// <param name="serve">
    /// True when the app will take requests: the pipeline is built and the database prepared as the host
    /// starts. Commands need only the services (and sen-tools has no static assets manifest to map).
    /// </param>
    public static WebApplication Build(string[] args, bool serve = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = ContentRoot.For(args),

            // Not the entry assembly's name: sen-tools builds this same app and reads sen's settings
            // (user secrets in Development are found by application name).
            ApplicationName = typeof(SenApp).Assembly.GetName().Name,
        });
        AddServices(builder);
        var started = false;
        if (serve)
        {
            builder.Services.AddDatabaseInitialization();
            builder.Services.AddFirstRunSetup();

            // Program tells a failed start in one line (StartupFailure); the host's own error report
            // of it would repeat it with a stack trace.
            builder.Logging.AddFilter(HostLogCategory, level => level >= LogLevel.Warning && (started || level != LogLevel.Error));
        }

        var app = builder.Build();
        if (serve)
        {
            app.Lifetime.ApplicationStarted.Register(() => started = true);
            UsePipeline(app);
        }

        return app;
    }

    public static void AddServices(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        builder.Services.AddSingleton(TimeProvider.System);

        // Razor would otherwise write every Vietnamese letter as a numeric entity, doubling page size.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        try
        {
            builder.Services.AddSenData(builder.Configuration, builder.Environment);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Registering SQLite creates the data folder.
            throw new StartupException(
                $"Không tạo được thư mục dữ liệu / cannot create the data folder ({e.Message}): đặt / set Sen:DataPath (Sen__DataPath)", e);
        }

        builder.Services.AddCluster(builder.Configuration, builder.Environment);
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        builder.Services.AddSites();
        builder.Services.AddAccounts();
        builder.Services.AddAdmin();
        builder.Services.AddAudit();
        builder.Services.AddArticles();
        builder.Services.AddNewsroom();
        builder.Services.AddNotifications();
        builder.Services.AddCategories();
        builder.Services.AddLinks();
        builder.Services.AddMedia();
        builder.Services.AddImport();
        builder.Services.AddRedirects();
        builder.Services.AddPublicCaching(builder.Configuration);
        builder.Services.AddViewCounts();
        builder.Services.AddSearch();
        builder.Services.AddSeo();
        builder.Services.AddPolls();
        builder.Services.AddPublicApi();
        builder.Services.AddDocuments();
        builder.Services.AddProblemDetails();
        builder.AddOperations();
    }

    public static void UsePipeline(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var culture = CultureInfo.GetCultureInfo(app.Configuration["Sen:Culture"] ?? "vi-VN");

        // The reader's address and scheme from a reverse proxy, then request timing (docs/OPERATIONS.md).
        app.UseOperations();

        // First, so a fault anywhere after it (the fast path, routing) still gets the Vietnamese 500
        // page. In Development the host's developer exception page shows the fault instead. Host
        // filtering (AllowedHosts) runs before all of this: the host adds it in front of the pipeline.
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(ErrorPages.ServerErrorPath);
        }

        // Uploaded files are served as they are stored, ahead of the page machinery.
        app.UseMediaFiles();

        // A reader's GET of an already rendered public page needs none of what follows. Routing,
        // authentication and authorization are placed here explicitly, because the host would
        // otherwise put them in front of everything, this included.
        app.UseReadyPages();

        // Before authentication, so that its redirects and refusals under /admin carry the newsroom's headers too.
        app.UseSecurityHeaders();
        app.UseRouting();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(culture),
            SupportedCultures = [culture],
            SupportedUICultures = [culture],
            RequestCultureProviders = [],
        });

        app.UseStatusCodePagesWithReExecute(ErrorPages.StatusPath, "?code={0}");

        // Inside the status pages: an old address's 404 becomes its 301 before the 404 page is drawn.
        app.UseRedirects();
        app.UseRequestGuards();

        // Behind the status pages, so that a refused search gets the Vietnamese 429 page.
        app.UseRateLimiter();

        // Order matters. Article pages (live pages) are cached uncompressed with a placeholder for the
        // view count; the view counter splices the live count in, then the outer compression
        // compresses. Other pages are compressed before the cache stores them (one variant per
        // encoding), so serving them costs no compression. Page headers are set when a page is rendered.
        app.UseResponseCompression();
        app.UseViewCounts();
        app.UseOutputCache();
        app.UseCacheMissMarker();
        app.UseReadyPageCapture();
        app.UseWhen(c => c.GetEndpoint()?.Metadata.GetMetadata<ILivePageMetadata>() is null, b => b.UseResponseCompression());
        app.UsePublicPageHeaders();
        app.UsePublicApiHeaders();
        app.MapStaticAssets();
        app.MapOperations();
        app.MapRazorPages().WithStaticAssets();
        app.MapSearchApi();
        app.MapSeo();
        app.MapPublicApi();
        app.MapDocumentFiles();
        app.MapAdminApi().MapMediaApi();
        app.MapAuditLogExport();
    }
}
