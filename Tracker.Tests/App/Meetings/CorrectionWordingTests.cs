using Tracker.App.Features.Meetings;
using Tracker.Domain.Meetings;

namespace Tracker.Tests.App.Meetings;

/// <summary>
/// A correction of agreed minutes reads the same on the minutes page, the minutes as at a papers deadline
/// and the minutes Word paper: a change of wording shows the old text, an addition says it was added.
/// </summary>
public class CorrectionWordingTests
{
    static readonly DateTimeOffset At = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Text", "The old wording", "The new wording", "Correction", "Text was: “The old wording”")]
    [InlineData("Title", "", "Crime Summit", "Correction", "Title was: “blank”")]
    [InlineData(MinuteCorrection.ItemAdded, "", "Crime Summit", "Added", "This minute was added after the minutes were agreed.")]
    [InlineData(MinuteCorrection.ResolutionAdded, "", "RESOLVED that the report is circulated.", "Resolution added",
        "Added after the minutes were agreed: “RESOLVED that the report is circulated.”")]
    public void KindAndDetail_EachSortOfCorrection_SaidAsTheMinutesPageSaysIt(string field, string before, string after, string kind, string detail)
    {
        var correction = new CorrectionView(field, before, after, "Omitted from the draft", "Amanda Mumford", At);

        Assert.Equal((kind, detail), (correction.Kind, correction.Detail));
        Assert.Equal(field is MinuteCorrection.ItemAdded or MinuteCorrection.ResolutionAdded, correction.IsAddition);
    }
}
