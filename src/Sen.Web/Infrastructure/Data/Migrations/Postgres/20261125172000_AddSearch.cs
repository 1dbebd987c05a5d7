using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sen.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SiteId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    CategoryId = table.Column<int>(type: "integer", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ArticleId = table.Column<int>(type: "integer", nullable: true),
                    TitleFolded = table.Column<string>(type: "text", nullable: false),
                    TitleExact = table.Column<string>(type: "text", nullable: false),
                    LeadFolded = table.Column<string>(type: "text", nullable: false),
                    LeadExact = table.Column<string>(type: "text", nullable: false),
                    ExtraFolded = table.Column<string>(type: "text", nullable: false),
                    Title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Lead = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Extra = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    BodyFolded = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SearchEntries_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SearchEntries_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_ArticleId",
                table: "SearchEntries",
                column: "ArticleId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_SiteId_PublishedAt",
                table: "SearchEntries",
                columns: new[] { "SiteId", "PublishedAt" });

            // Full text over Sen's own folded tokens (see SearchText) rather than unaccent: the same
            // words as on SQLite, đ handled, no extension to install. 'simple' = no stemming or stop words.
            // Weights: A title, B number/symbol or author, C lead, D body.
            migrationBuilder.Sql("""
                ALTER TABLE "SearchEntries" ADD COLUMN "Document" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple', "TitleFolded"), 'A') ||
                    setweight(to_tsvector('simple', "ExtraFolded"), 'B') ||
                    setweight(to_tsvector('simple', "LeadFolded"), 'C') ||
                    setweight(to_tsvector('simple', "BodyFolded"), 'D')) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_SearchEntries_Document" ON "SearchEntries" USING GIN ("Document");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SearchEntries");
        }
    }
}
