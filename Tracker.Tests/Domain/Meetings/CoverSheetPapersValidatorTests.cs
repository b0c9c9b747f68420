using Tracker.Domain.Common;
using Tracker.Domain.Meetings;

namespace Tracker.Tests.Domain.Meetings;

public sealed class CoverSheetPapersValidatorTests
{
    static CoverSheetInput Valid => new("CSD19092", "Steve Wood, Democratic Services Officer", "020 8313 4316", "stephen.wood@bromley.gov.uk",
        "Mark Bowen, Director of Corporate Services", "Non Urgent, Non Executive, Non Key", "N/A",
        "Appendix A updates Group members on matters arising from previous meetings.",
        "The Group is asked to review progress on matters arising from previous meetings.", "Public");

    static IReadOnlyList<FieldError> Check(CoverSheetInput input) => new CoverSheetInputValidator().Check(input);

    [Fact]
    public void Check_SourcePapersValues_NoErrors() => Assert.Empty(Check(Valid));

    [Theory]
    [InlineData("CSD19092")]
    [InlineData("ES20373")]
    [InlineData("CSD 16182")]
    public void Check_ReportNumbersOfThePapers_Accepted(string number) => Assert.Empty(Check(Valid with { ReportNumber = number }));

    [Theory]
    [InlineData("", "Enter the report number, like CSD19092")]
    [InlineData("19092", "Report number must be letters then five digits, like CSD19092")]
    [InlineData("CSD-19092", "Report number must be letters then five digits, like CSD19092")]
    public void Check_BadReportNumber_Message(string number, string message) =>
        Assert.Contains(Check(Valid with { ReportNumber = number }), e => e.Field == nameof(CoverSheetInput.ReportNumber) && e.Message == message);

    [Fact]
    public void Check_NoRecommendation_Message() =>
        Assert.Contains(Check(Valid with { Recommendation = " " }), e => e.Field == nameof(CoverSheetInput.Recommendation) && e.Message == "Enter the recommendation");

    [Fact]
    public void Check_BadEmailAndTelephone_Messages()
    {
        var errors = Check(Valid with { ContactEmail = "steve at bromley", ContactTelephone = "call me" });
        Assert.Contains(errors, e => e.Field == nameof(CoverSheetInput.ContactEmail));
        Assert.Contains(errors, e => e.Field == nameof(CoverSheetInput.ContactTelephone) && e.Message == "Enter a telephone number, like 020 8313 4316");
    }

    [Theory]
    [InlineData("Public", Classification.Public)]
    [InlineData("OFFICIAL", Classification.Official)]
    [InlineData("OFFICIAL-SENSITIVE", Classification.OfficialSensitive)]
    public void Update_Classification_ReadAsPrinted(string text, Classification expected)
    {
        Assert.Empty(Check(Valid with { Classification = text }));
        var sheet = CoverSheet.For(1, CoverSheetPapers.MattersArising);
        sheet.Update(Valid with { Classification = text, ReportNumber = "csd 19092" });
        Assert.Equal(expected, sheet.Classification);
        Assert.Equal(text, sheet.Classification.Label());
        Assert.Equal("CSD19092", sheet.ReportNumber);
    }

    [Fact]
    public void Check_UnknownClassification_Message() =>
        Assert.Contains(Check(Valid with { Classification = "SECRET" }), e => e.Message == "Select Public, OFFICIAL or OFFICIAL-SENSITIVE");
}
