using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sen.Web.Infrastructure.Data.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: true),
                    TitleFolded = table.Column<string>(type: "TEXT", nullable: false),
                    TitleExact = table.Column<string>(type: "TEXT", nullable: false),
                    LeadFolded = table.Column<string>(type: "TEXT", nullable: false),
                    LeadExact = table.Column<string>(type: "TEXT", nullable: false),
                    ExtraFolded = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Lead = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Extra = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    BodyFolded = table.Column<string>(type: "TEXT", nullable: false)
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

            // Full text over Sen's own tokens (see SearchText): FTS5 external content on SearchEntries,
            // kept in step by triggers. unicode61 without diacritic removal: folding is already done
            // (and FTS5 would not map đ to d). Exact words are stored in SearchEntries for ranking, not indexed.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE SearchFts USING fts5(
                    TitleFolded, LeadFolded, ExtraFolded, BodyFolded,
                    content='SearchEntries', content_rowid='Id',
                    tokenize='unicode61 remove_diacritics 0', detail='full');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER SearchEntries_ai AFTER INSERT ON SearchEntries BEGIN
                    INSERT INTO SearchFts(rowid, TitleFolded, LeadFolded, ExtraFolded, BodyFolded)
                    VALUES (new.Id, new.TitleFolded, new.LeadFolded, new.ExtraFolded, new.BodyFolded);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER SearchEntries_ad AFTER DELETE ON SearchEntries BEGIN
                    INSERT INTO SearchFts(SearchFts, rowid, TitleFolded, LeadFolded, ExtraFolded, BodyFolded)
                    VALUES ('delete', old.Id, old.TitleFolded, old.LeadFolded, old.ExtraFolded, old.BodyFolded);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER SearchEntries_au AFTER UPDATE ON SearchEntries BEGIN
                    INSERT INTO SearchFts(SearchFts, rowid, TitleFolded, LeadFolded, ExtraFolded, BodyFolded)
                    VALUES ('delete', old.Id, old.TitleFolded, old.LeadFolded, old.ExtraFolded, old.BodyFolded);
                    INSERT INTO SearchFts(rowid, TitleFolded, LeadFolded, ExtraFolded, BodyFolded)
                    VALUES (new.Id, new.TitleFolded, new.LeadFolded, new.ExtraFolded, new.BodyFolded);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS SearchEntries_ai; DROP TRIGGER IF EXISTS SearchEntries_ad; DROP TRIGGER IF EXISTS SearchEntries_au; DROP TABLE IF EXISTS SearchFts;");
            migrationBuilder.DropTable(
                name: "SearchEntries");
        }
    }
}
