using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sen.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ContentStampAndRevisionBackfillIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ContentStamp",
                table: "Sites",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_Articles_WithoutRevision",
                table: "Articles",
                column: "LatestRevision",
                filter: "\"LatestRevision\" = 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_WithoutRevision",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "ContentStamp",
                table: "Sites");
        }
    }
}
