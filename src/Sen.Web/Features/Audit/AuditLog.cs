using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Sen.Web.Features.Accounts;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Audit;

/// <summary>
/// Adds audit entries to the handler's own DbContext, so they commit or roll back with the change
/// they record. The actor comes from the scoped <see cref="CurrentUser"/>.
/// </summary>
public sealed class AuditLog(SenDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    private const int MaxValueLength = 2000;

    /// <summary>Records <paramref name="action"/>; with <paramref name="entry"/>, the fields it changes, before and after.</summary>
    public AuditEntry Record(string action, string? entityType, string? entityId, string summary, EntityEntry? entry = null, int? siteId = null)
    {
        var actor = currentUser.Actor;
        var audit = new AuditEntry
        {
            SiteId = siteId,
            At = clock.GetUtcNow().UtcDateTime,
            UserId = actor.UserId,
            UserName = actor.Name,
            IpAddress = actor.IpAddress,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Summary = Truncate(summary, 500),
            Changes = entry is null ? null : ChangesOf(entry),
        };
        db.AuditEntries.Add(audit);
        return audit;
    }

    /// <summary>The changed fields of a modified row (all fields of an added one) as { name: [before, after] }; null when none.</summary>
    public static string? ChangesOf(EntityEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var changes = new SortedDictionary<string, string?[]>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.IsPrimaryKey() || property.Metadata.IsConcurrencyToken)
            {
                continue;
            }

            var before = entry.State == EntityState.Added ? null : property.OriginalValue;
            var after = entry.State == EntityState.Deleted ? null : property.CurrentValue;
            if (entry.State == EntityState.Modified && !property.IsModified)
            {
                continue;
            }

            if (!Equals(before, after))
            {
                changes[property.Metadata.Name] = [Text(before), Text(after)];
            }
        }

        return changes.Count == 0 ? null : JsonSerializer.Serialize(changes);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime time => time.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => Truncate(value.ToString() ?? "", MaxValueLength),
    };

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length] + "…";
}
