namespace Sen.Web.Features.Backup;

/// <summary>The stages `sen backup`, `sen restore` and `sen db copy` report (the command line speaks both languages).</summary>
public static class BackupStages
{
    public const string Verifying = "Kiểm tra / verifying";
    public const string Database = "Cơ sở dữ liệu / database";
    public const string Archive = "Ghi tệp sao lưu / writing the archive";
    public const string Files = "Tệp media / media files";
    public const string Tables = "Bảng / tables";
}
