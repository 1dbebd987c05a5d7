using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Sen.Web.Features.Search;

/// <summary>The WHERE clause both backends share; values travel as parameters only.</summary>
internal static class SqlFilter
{
    public static void Append(StringBuilder sql, DbCommand command, SearchFilter filter, Func<string, string> column)
    {
        sql.Append(" AND ").Append(column("SiteId")).Append(" = @site AND ").Append(column("PublishedAt")).Append(" <= @now");
        Add(command, "@site", filter.SiteId);
        Add(command, "@now", filter.NowUtc);
        if (filter.FromUtc is { } from)
        {
            sql.Append(" AND ").Append(column("PublishedAt")).Append(" >= @from");
            Add(command, "@from", from);
        }

        if (filter.ToUtc is { } to)
        {
            sql.Append(" AND ").Append(column("PublishedAt")).Append(" < @to");
            Add(command, "@to", to);
        }

        if (filter.CategoryIds is { } ids)
        {
            sql.Append(" AND ").Append(column("CategoryId")).Append(" IN (");
            if (ids.Count == 0)
            {
                sql.Append("NULL");
            }

            for (var i = 0; i < ids.Count; i++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@c{i}");
                sql.Append(i == 0 ? "" : ", ").Append(name);
                Add(command, name, ids[i]);
            }

            sql.Append(')');
        }
    }

    public static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
