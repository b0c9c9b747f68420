using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracker.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class SubPrioritiesAndMetricsAdministration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsRetired",
                table: "SubPriorities",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsRetired",
                table: "SubPriorities");
        }
    }
}
