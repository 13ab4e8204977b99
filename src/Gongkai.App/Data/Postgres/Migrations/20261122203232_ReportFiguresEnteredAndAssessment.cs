using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.App.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReportFiguresEnteredAndAssessment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Assessment",
                table: "annual_reports",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ChangesJson",
                table: "annual_reports",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstPublishedAt",
                table: "annual_reports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedAssessment",
                table: "annual_reports",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "UnitsJson",
                table: "annual_reports",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "report_figure_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Scope = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FiguresJson = table.Column<string>(type: "text", nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_figure_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_report_figure_entries_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_items_Genre_State_PublishedOn_UnitId_FormedOn_Valid~",
                table: "catalog_items",
                columns: new[] { "Genre", "State", "PublishedOn", "UnitId", "FormedOn", "Validity", "RepealedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_applications_UnitId_ReceivedOn_AnsweredOn_ApplicantKind_Out~",
                table: "applications",
                columns: new[] { "UnitId", "ReceivedOn", "AnsweredOn", "ApplicantKind", "Outcome", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_report_figure_entries_UnitId_Year_Scope",
                table: "report_figure_entries",
                columns: new[] { "UnitId", "Year", "Scope" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "report_figure_entries");

            migrationBuilder.DropIndex(
                name: "IX_catalog_items_Genre_State_PublishedOn_UnitId_FormedOn_Valid~",
                table: "catalog_items");

            migrationBuilder.DropIndex(
                name: "IX_applications_UnitId_ReceivedOn_AnsweredOn_ApplicantKind_Out~",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "Assessment",
                table: "annual_reports");

            migrationBuilder.DropColumn(
                name: "ChangesJson",
                table: "annual_reports");

            migrationBuilder.DropColumn(
                name: "FirstPublishedAt",
                table: "annual_reports");

            migrationBuilder.DropColumn(
                name: "PublishedAssessment",
                table: "annual_reports");

            migrationBuilder.DropColumn(
                name: "UnitsJson",
                table: "annual_reports");
        }
    }
}
