using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.App.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OfficeCatalogListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_catalog_items_State_PublishedOn_Id_UnitId_Genre_Title",
                table: "catalog_items",
                columns: new[] { "State", "PublishedOn", "Id", "UnitId", "Genre", "Title" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_catalog_items_State_PublishedOn_Id_UnitId_Genre_Title",
                table: "catalog_items");
        }
    }
}
