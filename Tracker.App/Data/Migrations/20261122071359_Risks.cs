using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Tracker.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class Risks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RiskCategories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Appetite = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskCategories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Risks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Impact = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Categories = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OwnerGroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    GrossLikelihood = table.Column<int>(type: "INTEGER", nullable: false),
                    GrossSeverity = table.Column<int>(type: "INTEGER", nullable: false),
                    Controls = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    NetLikelihood = table.Column<int>(type: "INTEGER", nullable: true),
                    NetSeverity = table.Column<int>(type: "INTEGER", nullable: true),
                    TargetLikelihood = table.Column<int>(type: "INTEGER", nullable: true),
                    TargetSeverity = table.Column<int>(type: "INTEGER", nullable: true),
                    ReviewFrequencyMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    NextReviewDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ClosingNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Risks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Risks_Groups_OwnerGroupId",
                        column: x => x.OwnerGroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RiskSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    MatrixSize = table.Column<int>(type: "INTEGER", nullable: false),
                    LowMax = table.Column<int>(type: "INTEGER", nullable: false),
                    MediumMax = table.Column<int>(type: "INTEGER", nullable: false),
                    HighMax = table.Column<int>(type: "INTEGER", nullable: false),
                    AverseMax = table.Column<int>(type: "INTEGER", nullable: false),
                    MinimalMax = table.Column<int>(type: "INTEGER", nullable: false),
                    CautiousMax = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenMax = table.Column<int>(type: "INTEGER", nullable: false),
                    EagerMax = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FurtherActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RiskId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Rag = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    TargetDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FurtherActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FurtherActions_Risks_RiskId",
                        column: x => x.RiskId,
                        principalTable: "Risks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RiskId = table.Column<int>(type: "INTEGER", nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AssessedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    GrossLikelihood = table.Column<int>(type: "INTEGER", nullable: false),
                    GrossSeverity = table.Column<int>(type: "INTEGER", nullable: false),
                    NetLikelihood = table.Column<int>(type: "INTEGER", nullable: true),
                    NetSeverity = table.Column<int>(type: "INTEGER", nullable: true),
                    TargetLikelihood = table.Column<int>(type: "INTEGER", nullable: true),
                    TargetSeverity = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskAssessments_Risks_RiskId",
                        column: x => x.RiskId,
                        principalTable: "Risks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RiskId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AgreedChanges = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskReviews_Risks_RiskId",
                        column: x => x.RiskId,
                        principalTable: "Risks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "RiskCategories",
                columns: new[] { "Id", "Appetite", "Code", "CreatedAt", "CreatedBy", "Label", "UpdatedAt", "UpdatedBy", "Version" },
                values: new object[,]
                {
                    { 1, "Cautious", "P", 0L, "System", "Political", 0L, "System", 1 },
                    { 2, "Open", "E", 0L, "System", "Economic", 0L, "System", 1 },
                    { 3, "Cautious", "S", 0L, "System", "Social", 0L, "System", 1 },
                    { 4, "Open", "T", 0L, "System", "Technological", 0L, "System", 1 },
                    { 5, "Minimal", "L", 0L, "System", "Legal", 0L, "System", 1 },
                    { 6, "Cautious", "C", 0L, "System", "Community", 0L, "System", 1 }
                });

            migrationBuilder.InsertData(
                table: "RiskSettings",
                columns: new[] { "Id", "AverseMax", "CautiousMax", "CreatedAt", "CreatedBy", "EagerMax", "HighMax", "LowMax", "MatrixSize", "MediumMax", "MinimalMax", "OpenMax", "UpdatedAt", "UpdatedBy", "Version" },
                values: new object[] { 1, 4, 12, 0L, "System", 25, 16, 4, 5, 10, 8, 16, 0L, "System", 1 });

            migrationBuilder.CreateIndex(
                name: "IX_FurtherActions_RiskId",
                table: "FurtherActions",
                column: "RiskId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessments_RiskId_AssessedOn",
                table: "RiskAssessments",
                columns: new[] { "RiskId", "AssessedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskCategories_Code",
                table: "RiskCategories",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskReviews_ReviewedOn",
                table: "RiskReviews",
                column: "ReviewedOn");

            migrationBuilder.CreateIndex(
                name: "IX_RiskReviews_RiskId",
                table: "RiskReviews",
                column: "RiskId");

            migrationBuilder.CreateIndex(
                name: "IX_Risks_OwnerGroupId",
                table: "Risks",
                column: "OwnerGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Risks_Reference",
                table: "Risks",
                column: "Reference",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FurtherActions");

            migrationBuilder.DropTable(
                name: "RiskAssessments");

            migrationBuilder.DropTable(
                name: "RiskCategories");

            migrationBuilder.DropTable(
                name: "RiskReviews");

            migrationBuilder.DropTable(
                name: "RiskSettings");

            migrationBuilder.DropTable(
                name: "Risks");
        }
    }
}
