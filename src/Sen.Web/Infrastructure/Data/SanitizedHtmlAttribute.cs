namespace Sen.Web.Infrastructure.Data;

/// <summary>
/// Marks a string property that holds HTML shown to readers: <see cref="SenDbContext"/> passes it through
/// <see cref="Text.SafeHtml.Sanitize"/> whenever it is added or changed, as it normalizes all text to NFC.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class SanitizedHtmlAttribute : Attribute;
