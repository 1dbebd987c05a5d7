using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Media;

public static class MediaServiceCollectionExtensions
{
    // A stored file's name is its content's hash: what a URL names never changes.
    private const string ImmutableCacheControl = "public, max-age=31536000, immutable";

    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new LocalFolderMediaStore(
            MediaFolder(sp.GetRequiredService<IOptions<MediaOptions>>().Value, sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>())));
        services.AddSingleton<IMediaStore>(sp => sp.GetRequiredService<LocalFolderMediaStore>());
        services.AddSingleton<MediaImages>();
        services.AddScoped<UploadMedia>();
        services.AddScoped<MediaLibrary>();
        services.AddScoped<UpdateMediaText>();
        services.AddScoped<MediaPictures>();
        services.AddContentChangeRule<MediaAssetChangeRule>();
        return services;
    }

    /// <summary>
    /// Serves the local media folder at <c>/media</c>, in front of routing (<c>/media/x.jpg</c> would
    /// otherwise be taken for an article URL). Only the extensions Sen stores are served, never sniffed.
    /// </summary>
    public static IApplicationBuilder UseMediaFiles(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var store = app.ApplicationServices.GetRequiredService<LocalFolderMediaStore>();
        var types = new FileExtensionContentTypeProvider();
        types.Mappings.Clear();
        foreach (var format in new[] { MediaFormat.Jpeg, MediaFormat.Webp, MediaFormat.Pdf, MediaFormat.Docx, MediaFormat.Xlsx, MediaFormat.Doc, MediaFormat.Xls })
        {
            types.Mappings["." + format.Extension] = format.ContentType;
        }

        return app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/media",
            FileProvider = new PhysicalFileProvider(store.Root),
            ContentTypeProvider = types,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.CacheControl = ImmutableCacheControl;
                headers.XContentTypeOptions = "nosniff";
            },
        });
    }

    private static string MediaFolder(MediaOptions options, IConfiguration configuration, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.Path))
        {
            return Path.GetFullPath(options.Path, environment.ContentRootPath);
        }

        // Beside the SQLite database, as DataServiceCollectionExtensions places it.
        var dataPath = configuration["Sen:DataPath"];
        var data = string.IsNullOrWhiteSpace(dataPath) ? Path.Combine(environment.ContentRootPath, "App_Data") : Path.GetFullPath(dataPath, environment.ContentRootPath);
        return Path.Combine(data, "media");
    }
}
