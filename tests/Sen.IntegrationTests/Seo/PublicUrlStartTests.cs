using Microsoft.Extensions.Options;
using Sen.Web;
using Sen.Web.Infrastructure.Hosting;

namespace Sen.IntegrationTests.Seo;

public sealed class PublicUrlStartTests
{
    [Theory]
    [InlineData("ftp://tinhuy.example.vn")]
    [InlineData("tinhuy.example.vn")]
    [InlineData("https://tinhuy.example.vn/?a=1")]
    public async Task A_malformed_public_url_stops_the_start(string value)
    {
        // Built and started directly: Program turns a start-up failure into one line and an exit code.
        var data = Directory.CreateTempSubdirectory("sen-publicurl-");
        try
        {
            await using var app = SenApp.Build([$"--Sen:DataPath={data.FullName}", $"--Site:PublicUrl={value}"]);
            var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));
            Assert.Contains("Site:PublicUrl", StartupFailure.Describe(error), StringComparison.Ordinal);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
