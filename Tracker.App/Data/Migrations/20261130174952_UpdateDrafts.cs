using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracker.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class UpdateDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "UpdateDrafts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    Rag = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Narrative = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    EvidenceLink = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UpdateDrafts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UpdateDrafts_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UpdateDrafts_StrategyActions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "StrategyActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UpdateDrafts_ActionId",
                table: "UpdateDrafts",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_UpdateDrafts_UserId_ActionId_Year_Quarter",
                table: "UpdateDrafts",
                columns: new[] { "UserId", "ActionId", "Year", "Quarter" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UpdateDrafts");
        }
    }
}
