namespace Sen.Web.Infrastructure.Hosting;

/// <summary>The node's data folder: <c>Sen:DataPath</c> (relative to the content root), else <c>{content root}/App_Data</c>.</summary>
public static class DataFolder
{
    public static string Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var dataPath = configuration["Sen:DataPath"];
        return string.IsNullOrWhiteSpace(dataPath)
            ? Path.Combine(environment.ContentRootPath, "App_Data")
            : Path.GetFullPath(dataPath, environment.ContentRootPath);
    }
}
