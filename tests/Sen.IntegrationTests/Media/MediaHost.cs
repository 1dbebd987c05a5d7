using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Media;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Media;

/// <summary>Sen on the factory's database with a media folder of its own, deleted afterwards; uploads as a writer.</summary>
public sealed class MediaHost : IAsyncDisposable
{
    public const int WriterId = 4242;

    private readonly WebApplicationFactory<Program> app;

    private IReadOnlyList<string> atStart = [];

    private MediaHost(SenAppFactory factory, long? maxBytes)
    {
        Folder = Path.Combine(Path.GetTempPath(), "sen-media-tests", Guid.NewGuid().ToString("N"));
        app = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Media:Path", Folder);
            if (maxBytes is { } max)
            {
                b.UseSetting("Media:MaxBytes", max.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        });
    }

    public string Folder { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static MediaHost Start(SenAppFactory factory, long? maxBytes = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        factory.RequireProvider();
        var host = new MediaHost(factory, maxBytes);

        // Started now, so what start-up writes (the demo documents' PDF, on a new database) is there before the test's uploads.
        _ = host.app.Services;
        host.atStart = host.AllFiles();
        return host;
    }

    public HttpClient CreateClient() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(new Actor(WriterId, "bientap@example.vn", [SenRoles.Writer], "203.0.113.7"));
        return await work(scope.ServiceProvider);
    }

    public Task<UploadResult> UploadAsync(byte[] content, string fileName, string? altText = "Ảnh minh họa", string? caption = null, string? declaredType = "image/jpeg") =>
        UploadAsync(new MemoryStream(content, writable: false), fileName, altText, caption, declaredType);

    public Task<UploadResult> UploadAsync(Stream content, string fileName, string? altText = "Ảnh minh họa", string? caption = null, string? declaredType = "image/jpeg") =>
        InScopeAsync(sp => sp.GetRequiredService<UploadMedia>().HandleAsync(new UploadMedia.Command(content, fileName, declaredType, altText, caption), Ct));

    /// <summary>Every file the media folder gained since start, hidden ones too (a temporary file left behind counts).</summary>
    public IReadOnlyList<string> Files() => [.. AllFiles().Except(atStart, StringComparer.Ordinal)];

    private IReadOnlyList<string> AllFiles() =>
        Directory.Exists(Folder) ? [.. Directory.GetFiles(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!] : [];

    public byte[] Read(string key) => File.ReadAllBytes(Path.Combine(Folder, key));

    public Task<int> CountAssetsAsync() => InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().MediaAssets.CountAsync(Ct));

    public Task<MediaAsset> AssetAsync(int id) =>
        InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().MediaAssets.AsNoTracking().Include(a => a.Variants).SingleAsync(a => a.Id == id, Ct));

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
