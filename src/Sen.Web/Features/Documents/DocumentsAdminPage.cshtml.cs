using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sen.Web.Features.Documents;

/// <summary>/admin/van-ban: the newsroom's documents.</summary>
public sealed class DocumentsAdminPageModel(ListAdminDocuments list) : PageModel
{
    public IReadOnlyList<ListAdminDocuments.Row> Documents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Documents = await list.HandleAsync(cancellationToken);
}
