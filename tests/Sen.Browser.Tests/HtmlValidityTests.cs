namespace Sen.Browser.Tests;

/// <summary>The Nu Html Checker (vnu.jar from npm, run on the machine's Java) finds no error in any public page type or in the stylesheet.</summary>
[Collection(BrowserSuite.Name)]
public sealed class HtmlValidityTests(NuHtmlReport report) : IClassFixture<NuHtmlReport>
{
    [Theory]
    [MemberData(nameof(PublicPage.Names), MemberType = typeof(PublicPage))]
    public async Task Public_page_type_passes_the_nu_html_checker(string pageName)
    {
        var publicPage = PublicPage.Named(pageName);
        var checkedPages = await CheckAsync();
        Assert.Equal(publicPage.Status, checkedPages.Statuses[publicPage.Name]);
        AssertNoErrors(checkedPages, NuHtmlReport.FileOf(publicPage));
    }

    [Fact]
    public async Task The_stylesheet_passes_the_nu_html_checker()
    {
        var checkedPages = await CheckAsync();
        Assert.True(checkedPages.HasStylesheet, "No public page links a stylesheet.");
        AssertNoErrors(checkedPages, NuHtmlReport.StylesheetFile);
    }

    private async Task<NuHtmlReport.Result> CheckAsync()
    {
        var (java, jar, missing) = HtmlChecker.Find(SenSite.RepositoryRoot);
        Requirement.Require(missing);
        return await report.GetAsync(java!, jar!, TestContext.Current.CancellationToken);
    }

    private static void AssertNoErrors(NuHtmlReport.Result result, string file)
    {
        // A message without a file (the checker's own trouble) concerns every document.
        var messages = result.Messages.Where(m => m.File == file || m.File.Length == 0).ToList();
        var errors = messages.Where(m => m.Type is "error" or "non-document-error").ToList();
        var warnings = messages.Where(m => m.Type == "info" && m.SubType == "warning").ToList();
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"Nu Html Checker, {file}: {errors.Count} errors, {warnings.Count} warnings");
        foreach (var warning in warnings)
        {
            output?.WriteLine("warning: " + warning);
        }

        Assert.True(errors.Count == 0, "Nu Html Checker errors:\n" + string.Join("\n", errors));
    }
}
