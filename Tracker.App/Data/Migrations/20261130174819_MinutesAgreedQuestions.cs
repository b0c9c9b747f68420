using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracker.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class MinutesAgreedQuestions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AgendaPublished",
                table: "Meetings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MinutesAgreedAtMeetingId",
                table: "Meetings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MinutesAgreedCorrections",
                table: "Meetings",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "MinutesAgreedMinute",
                table: "Meetings",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "MinutesAgreedRecordedAt",
                table: "Meetings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MinutesAgreedRecordedBy",
                table: "Meetings",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MeetingQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    AskedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReceivedTime = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    OnAgendaReport = table.Column<bool>(type: "INTEGER", nullable: false),
                    AgendaReport = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingQuestions_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MinuteCorrections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    MinuteItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Field = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: false),
                    After = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CorrectedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CorrectedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MinuteCorrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MinuteCorrections_MinuteItems_MinuteItemId",
                        column: x => x.MinuteItemId,
                        principalTable: "MinuteItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_MinutesAgreedAtMeetingId",
                table: "Meetings",
                column: "MinutesAgreedAtMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingQuestions_MeetingId",
                table: "MeetingQuestions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MinuteCorrections_MeetingId",
                table: "MinuteCorrections",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MinuteCorrections_MinuteItemId",
                table: "MinuteCorrections",
                column: "MinuteItemId");

            migrationBuilder.AddForeignKey(
                name: "FK_Meetings_Meetings_MinutesAgreedAtMeetingId",
                table: "Meetings",
                column: "MinutesAgreedAtMeetingId",
                principalTable: "Meetings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Meetings_Meetings_MinutesAgreedAtMeetingId",
                table: "Meetings");

            migrationBuilder.DropTable(
                name: "MeetingQuestions");

            migrationBuilder.DropTable(
                name: "MinuteCorrections");

            migrationBuilder.DropIndex(
                name: "IX_Meetings_MinutesAgreedAtMeetingId",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "AgendaPublished",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "MinutesAgreedAtMeetingId",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "MinutesAgreedCorrections",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "MinutesAgreedMinute",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "MinutesAgreedRecordedAt",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "MinutesAgreedRecordedBy",
                table: "Meetings");
        }
    }
}
