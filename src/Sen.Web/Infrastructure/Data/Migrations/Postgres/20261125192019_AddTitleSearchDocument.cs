using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sen.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddTitleSearchDocument : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Suggestions match titles (and document numbers) only. Matching "Document" with weights A/B
            // made PostgreSQL recheck every candidate's whole tsvector, body included (0.4-0.6 s for a
            // short prefix at 100,000 articles); a small title-only vector with its own index does not.
            migrationBuilder.Sql("""
                ALTER TABLE "SearchEntries" ADD COLUMN "TitleDocument" tsvector GENERATED ALWAYS AS (
                    to_tsvector('simple', "TitleFolded") || to_tsvector('simple', "ExtraFolded")) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_SearchEntries_TitleDocument" ON "SearchEntries" USING GIN ("TitleDocument");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_SearchEntries_TitleDocument";""");
            migrationBuilder.Sql("""ALTER TABLE "SearchEntries" DROP COLUMN IF EXISTS "TitleDocument";""");
        }
    }
}
