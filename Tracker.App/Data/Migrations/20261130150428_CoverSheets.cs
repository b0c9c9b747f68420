using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracker.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class CoverSheets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CoverSheets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Paper = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReportNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContactOfficer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContactTelephone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ChiefOfficer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DecisionType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Ward = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Recommendation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Classification = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoverSheets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoverSheets_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CoverSheets_MeetingId_Paper",
                table: "CoverSheets",
                columns: new[] { "MeetingId", "Paper" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CoverSheets");
        }
    }
}
