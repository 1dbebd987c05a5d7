namespace Sen.Browser.Tests.Infrastructure;

/// <summary>Every browser test shares one Sen process and one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserSuite : ICollectionFixture<SenSite>
{
    public const string Name = "Sen in a browser";
}
