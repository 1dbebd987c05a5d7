namespace Sen.IntegrationTests.Infrastructure;

/// <summary>The seed page the product started from, read from shared/seeds beside the repository.</summary>
public static class SeedFile
{
    public const string Name = "000_e68f53bfe520eb06.txt";

    public static string Read()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "seeds", Name);
            if (File.Exists(candidate))
            {
                return File.ReadAllText(candidate);
            }
        }

        // A clone without shared/ beside it still has the copy the app embeds.
        return Sen.Web.Features.Import.DemoContentSeeder.ReadSeedText();
    }
}
