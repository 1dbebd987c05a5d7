using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Sen.Web.Infrastructure.Cli;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Accounts;

/// <summary>`sen user add --email E --role Writer|Approver|Admin [--name N]`, `sen user list`, `sen user disable --email E`.</summary>
public static class UserCommands
{
    public static Command Create() => new("user", "Tài khoản tòa soạn. / Newsroom accounts.") { Add(), List(), Disable() };

    private static Command Add()
    {
        var email = new Option<string>("--email") { Description = "E-mail, cũng là tên đăng nhập. / E-mail, also the sign-in name.", Required = true };
        var role = new Option<string>("--role") { Description = "Vai trò / role: Writer, Approver, Admin.", Required = true };
        role.AcceptOnlyFromAmong([.. SenRoles.All]);
        var name = new Option<string>("--name") { Description = "Tên hiển thị. / Display name." };
        var add = new Command("add", "Tạo tài khoản và in liên kết mời (7 ngày) để đặt mật khẩu. / Create an account and print an invitation link (7 days) to set its password.")
        {
            email, role, name,
        };
        add.SetAction((parse, cancellationToken) => SenCommandLine.WithServicesAsync(async (services, ct) =>
        {
            services.GetRequiredService<CurrentUser>().ActAs(Actor.System("sen user add"));
            var result = await services.GetRequiredService<InviteUser>()
                .HandleAsync(new InviteUser.Command(parse.GetValue(email)!, parse.GetValue(role)!, parse.GetValue(name)), ct).ConfigureAwait(false);
            if (result.Link is null)
            {
                foreach (var error in result.Errors)
                {
                    await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
                }

                return 1;
            }

            Console.WriteLine($"Liên kết mời (dùng một lần, 7 ngày) / invitation link (once, 7 days): {result.Link}");
            return 0;
        }, cancellationToken));
        return add;
    }

    private static Command List()
    {
        var list = new Command("list", "Liệt kê tài khoản. / List the accounts.");
        list.SetAction((parse, cancellationToken) => SenCommandLine.WithServicesAsync(async (services, ct) =>
        {
            foreach (var user in await services.GetRequiredService<ListUsers>().HandleAsync(ct).ConfigureAwait(false))
            {
                Console.WriteLine($"{user.Email}\t{user.DisplayName}\t{user.Role}\t{user.State}");
            }

            return 0;
        }, cancellationToken));
        return list;
    }

    private static Command Disable()
    {
        var email = new Option<string>("--email") { Description = "E-mail của tài khoản. / The account's e-mail.", Required = true };
        var disable = new Command("disable", "Khóa tài khoản và đăng xuất mọi phiên. / Disable an account and end its sessions.") { email };
        disable.SetAction((parse, cancellationToken) => SenCommandLine.WithServicesAsync(async (services, ct) =>
        {
            services.GetRequiredService<CurrentUser>().ActAs(Actor.System("sen user disable"));
            var address = parse.GetValue(email)!.Trim();
            var normalized = address.ToUpperInvariant();
            var id = await services.GetRequiredService<SenDbContext>().Users
                .Where(u => u.NormalizedEmail == normalized).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (id is null)
            {
                await Console.Error.WriteLineAsync($"Không có tài khoản / no account: {address}").ConfigureAwait(false);
                return 1;
            }

            var result = await services.GetRequiredService<ManageUser>().HandleAsync(new ManageUser.Command(id.Value, ManageUser.Change.Disable), ct).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                await Console.Error.WriteLineAsync(result.Error).ConfigureAwait(false);
                return 1;
            }

            Console.WriteLine($"Đã khóa / disabled: {address}");
            return 0;
        }, cancellationToken));
        return disable;
    }
}
