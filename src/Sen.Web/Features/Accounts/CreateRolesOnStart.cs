using Microsoft.AspNetCore.Identity;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Accounts;

/// <summary>The roles of <see cref="SenRoles"/> exist in every database, before any account is created.</summary>
internal sealed class CreateRolesOnStart(RoleManager<IdentityRole<int>> roles) : IDatabaseStartupTask
{
    public int Order => IDatabaseStartupTask.ContentOrder;

    public async Task RunAsync(DatabaseOptions options, CancellationToken cancellationToken)
    {
        foreach (var name in SenRoles.All)
        {
            if (await roles.RoleExistsAsync(name).ConfigureAwait(false))
            {
                continue;
            }

            var created = await roles.CreateAsync(new IdentityRole<int>(name)).ConfigureAwait(false);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Cannot create the role {name}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }
        }
    }
}
