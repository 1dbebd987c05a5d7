using Microsoft.AspNetCore.Mvc.RazorPages;
using Sen.Web.Features.Accounts;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Documents;

public static class DocumentsServiceCollectionExtensions
{
    /// <summary>The document library: /van-ban for readers, /admin/van-ban for the newsroom (docs/DOCUMENTS.md).</summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddOptions<DocumentOptions>().BindConfiguration(DocumentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ListDocuments>();
        services.AddScoped<FindDocument>();
        services.AddScoped<ListAdminDocuments>();
        services.AddScoped<DocumentDesk>();
        services.AddScoped<SaveDocument>();
        services.AddScoped<MoveDocument>();
        services.AddScoped<AttachDocumentFile>();
        services.AddScoped<RemoveDocumentFile>();
        services.AddScoped<DemoDocuments>();
        services.AddScoped<IDatabaseStartupTask, SeedDemoDocumentsOnStart>();
        services.Configure<RazorPagesOptions>(o => o.Conventions
            .AuthorizePage("/Documents/DocumentsAdminPage", NewsroomPolicies.Newsroom)
            .AuthorizePage("/Documents/NewDocumentPage", NewsroomPolicies.Newsroom)
            .AuthorizePage("/Documents/DocumentEditPage", NewsroomPolicies.Newsroom));
        services.AddContentChangeRule<LegalDocumentChangeRule>();
        return services.AddContentChangeRule<DocumentAttachmentChangeRule>();
    }
}
