using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Sen.IntegrationTests.Seo;

/// <summary>Validates sitemaps against the sitemaps.org 0.9 schemas (and Google's news extension), kept in Seo/Schemas.</summary>
public static class SitemapSchemas
{
    public static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";

    /// <summary>Parses <paramref name="xml"/> and fails with every schema error found; a document the schemas do not know fails too.</summary>
    public static XDocument Validate(string xml, bool index)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "Seo", "Schemas", index ? "siteindex.xsd" : "sitemap.xsd"));
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "Seo", "Schemas", "sitemap-news.xsd"));
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} {e.Exception?.LineNumber}:{e.Exception?.LinePosition} {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var document = XDocument.Load(reader);
        Assert.True(errors.Count == 0, "Schema errors:\n" + string.Join("\n", errors));
        return document;
    }
}
