using Tracker.Domain.Risks;

namespace Tracker.Tests.Domain.Risks;

public sealed class RiskHistoryTests
{
    static readonly DateOnly Meeting = new(2024, 2, 29);

    static Risk NewRisk(int netL = 2, int netS = 2) =>
        Risk.Create(new RiskInput("r1", " Unclear strategy delivery structure ", null, null, ["T", "E"], 1, 4, 4, null, netL, netS, null, null, 3, null, RiskStatus.Open, null),
            "Amanda Mumford", new DateOnly(2023, 11, 30));

    [Fact]
    public void Create_NewRisk_KeepsFirstSnapshotAndLogOrderOfCategories()
    {
        var risk = NewRisk();
        Assert.Equal("R1", risk.Reference);
        Assert.Equal("Unclear strategy delivery structure", risk.Title);
        Assert.Equal("T, E", risk.Categories);
        var first = Assert.Single(risk.Assessments);
        Assert.Equal((new DateOnly(2023, 11, 30), "Amanda Mumford", 16, 4), (first.AssessedOn, first.AssessedBy, first.Gross.Score, first.Net!.Value.Score));
    }

    [Fact]
    public void Reassess_ScoresChanged_AppendsSnapshot_SameScores_DoesNot()
    {
        var risk = NewRisk();
        Assert.False(risk.Reassess(new RiskScore(4, 4), new RiskScore(2, 2), null, null, "KL", Meeting));
        Assert.True(risk.Reassess(new RiskScore(4, 4), new RiskScore(3, 2), null, "Funding ended", "KL", Meeting));
        Assert.Equal(2, risk.Assessments.Count);
        Assert.Equal("Funding ended", risk.Assessments[^1].Note);
        Assert.Equal(6, risk.Current.Score);
    }

    [Fact]
    public void Reassess_SameScoresWithNote_KeepsDatedNoteInHistory()
    {
        var risk = NewRisk();
        risk.Reassess(new RiskScore(4, 4), new RiskScore(2, 2), null, " Controls re-checked: no change ", "KL", Meeting);
        Assert.Equal(2, risk.Assessments.Count);
        var note = risk.Assessments[^1];
        Assert.Equal((Meeting, "KL", "Controls re-checked: no change", 4), (note.AssessedOn, note.AssessedBy, note.Note, note.Net!.Value.Score));
        Assert.Equal(Direction.Unchanged, DirectionOfTravel.Since(risk.Assessments, new DateOnly(2024, 1, 1)));
    }

    [Fact]
    public void Direction_ScoreRoseAfterDate_Worse()
    {
        var risk = NewRisk();
        risk.Reassess(new RiskScore(4, 4), new RiskScore(3, 3), null, null, "KL", Meeting.AddDays(10));
        Assert.Equal(Direction.Worse, DirectionOfTravel.Since(risk.Assessments, Meeting));
        Assert.Equal(("Worse", "▲"), (Direction.Worse.Word(), Direction.Worse.Symbol()));
    }

    [Fact]
    public void Direction_ScoreFellAfterDate_Better()
    {
        var risk = NewRisk(3, 3);
        risk.Reassess(new RiskScore(4, 4), new RiskScore(1, 2), null, null, "KL", Meeting.AddDays(1));
        Assert.Equal(Direction.Better, DirectionOfTravel.Since(risk.Assessments, Meeting));
        Assert.Equal(("Better", "▼"), (Direction.Better.Word(), Direction.Better.Symbol()));
    }

    [Fact]
    public void Direction_ChangedBeforeDateOnly_Unchanged()
    {
        var risk = NewRisk(3, 3);
        risk.Reassess(new RiskScore(4, 4), new RiskScore(1, 2), null, null, "KL", Meeting.AddDays(-1));
        Assert.Equal(Direction.Unchanged, DirectionOfTravel.Since(risk.Assessments, Meeting));
    }

    [Fact]
    public void Direction_WentUpThenBackDown_UnchangedOnBalance()
    {
        var risk = NewRisk();
        risk.Reassess(new RiskScore(4, 4), new RiskScore(4, 4), null, null, "KL", Meeting.AddDays(1));
        risk.Reassess(new RiskScore(4, 4), new RiskScore(2, 2), null, null, "KL", Meeting.AddDays(2));
        Assert.Equal(Direction.Unchanged, DirectionOfTravel.Since(risk.Assessments, Meeting));
    }

    [Fact]
    public void Direction_RiskAddedAfterDate_New() =>
        Assert.Equal(Direction.New, DirectionOfTravel.Since(NewRisk().Assessments, new DateOnly(2023, 1, 1)));

    [Fact]
    public void Direction_NoNetYet_ComparesGross()
    {
        var risk = Risk.Create(new RiskInput("R4", "No budget", null, null, ["P"], 1, 3, 4, null, null, null, null, null, 3, null, RiskStatus.Open, null), "AM", Meeting.AddDays(-30));
        risk.Reassess(new RiskScore(3, 4), new RiskScore(2, 4), null, null, "KL", Meeting.AddDays(3));
        Assert.Equal(Direction.Better, DirectionOfTravel.Since(risk.Assessments, Meeting));
    }

    [Fact]
    public void RecordReview_Quarterly_NextReviewThreeMonthsLater()
    {
        var risk = NewRisk();
        var review = risk.RecordReview(Meeting, "Reviewed", "Owner to report back", "Councillor Kate Lymer");
        Assert.Equal(new DateOnly(2024, 5, 29), risk.NextReviewDate);
        Assert.Equal("Owner to report back", review.AgreedChanges);
        Assert.True(risk.IsReviewOverdue(new DateOnly(2024, 6, 1)));
        Assert.False(risk.IsReviewOverdue(new DateOnly(2024, 5, 29)));
    }

    [Fact]
    public void ReplaceFurtherActions_FewerInputs_KeepsOrderAndDropsTheRest()
    {
        var risk = NewRisk();
        risk.AddFurtherAction(new FurtherActionInput("One", "AM", FurtherActionRag.Green, null));
        risk.AddFurtherAction(new FurtherActionInput("Two", "RV", null, null));
        risk.ReplaceFurtherActions([new FurtherActionInput("First", "KL", FurtherActionRag.Red, "01/04/2025")]);
        var action = Assert.Single(risk.FurtherActions);
        Assert.Equal(("First", "KL", FurtherActionRag.Red, new DateOnly(2025, 4, 1)), (action.Description, action.Owner, action.Rag, action.TargetDate!.Value));
    }
}
