using Tracker.Domain.Common;
using Tracker.Domain.Meetings;
using Tracker.Domain.Risks;
using Tracker.Domain.Strategy;

namespace Tracker.Tests.Domain.Common;

/// <summary>Issue 9, bad input: every validator refuses undefined enum values, far-off dates and control characters.</summary>
public sealed class BadInputTests
{
    static RiskInput Risk() => new("R5", "No established budget", "No agreement", "Lack of flexibility", ["P", "E"], 1,
        4, 4, "Council leads", 2, 2, 1, 2, 3, "31/03/2025", RiskStatus.Open, null);

    static FieldError? On(IReadOnlyList<FieldError> errors, string field) => errors.FirstOrDefault(e => e.Field == field);

    [Fact]
    public void RiskValidator_UndefinedStatus_RefusedWithMessage()
    {
        var error = On(new RiskInputValidator().Check(Risk() with { Status = (RiskStatus)99 }), nameof(RiskInput.Status));
        Assert.Equal("Select whether the risk is open or closed", error?.Message);
    }

    [Fact]
    public void FurtherActionValidator_UndefinedRag_RefusedWithMessage()
    {
        var error = On(new FurtherActionInputValidator().Check(new FurtherActionInput("Act", "AM", (FurtherActionRag)7, "")), nameof(FurtherActionInput.Rag));
        Assert.Equal("Select Red, Amber, Green or Blue, or Not rated", error?.Message);
    }

    [Fact]
    public void QuarterlyUpdateValidator_UndefinedRag_RefusedWithMessage()
    {
        var error = On(new QuarterlyUpdateInputValidator().Check(new QuarterlyUpdateInput((RagStatus)42, "Text", null)), nameof(QuarterlyUpdateInput.Rag));
        Assert.Equal("Select a RAG status", error?.Message);
    }

    [Fact]
    public void RagOverrideValidator_UndefinedRag_RefusedWithMessage()
    {
        var error = On(new RagOverrideInputValidator().Check(new RagOverrideInput((RagStatus)42, "Because")), nameof(RagOverrideInput.Rag));
        Assert.Equal("Select a RAG status", error?.Message);
    }

    [Fact]
    public void ActionValidator_UndefinedStatus_RefusedWithMessage()
    {
        var error = On(new ActionInputValidator().Check(new ActionInput("1.2", "Act", [1], null, null, null, null, (ActionStatus)9)), nameof(ActionInput.Status));
        Assert.Equal("Select the action's status", error?.Message);
    }

    [Fact]
    public void AgendaItemValidator_UndefinedKind_RefusedWithMessage()
    {
        var error = On(new AgendaItemInputValidator().Check(new AgendaItemInput("1", "Apologies", null, null, (AgendaItemKind)9)), nameof(AgendaItemInput.Kind));
        Assert.Equal("Select whether the item is business or a presentation", error?.Message);
    }

    [Fact]
    public void AttendanceValidator_UndefinedKind_RefusedWithMessage()
    {
        var error = On(new AttendanceInputValidator().Check(new AttendanceInput((AttendanceKind)9, 1, null)), nameof(AttendanceInput.Kind));
        Assert.Equal("Select whether they were present, also present or sent apologies", error?.Message);
    }

    [Theory]
    [InlineData("31/12/9999")]
    [InlineData("01/01/0001")]
    [InlineData("31/12/1999")]
    [InlineData("01/01/2101")]
    public void RiskValidator_ReviewDateOutside2000To2100_Refused(string date)
    {
        var error = On(new RiskInputValidator().Check(Risk() with { NextReviewDate = date }), nameof(RiskInput.NextReviewDate));
        Assert.Equal("Next review date must be between 2000 and 2100", error?.Message);
    }

    [Theory]
    [InlineData("01/01/2000")]
    [InlineData("31/12/2100")]
    public void RiskValidator_ReviewDateAtTheBounds_Accepted(string date) =>
        Assert.Empty(new RiskInputValidator().Check(Risk() with { NextReviewDate = date }));

    [Fact]
    public void FurtherActionValidator_TargetDateIn9999_Refused()
    {
        var error = On(new FurtherActionInputValidator().Check(new FurtherActionInput("Act", "AM", null, "31/12/9999")), nameof(FurtherActionInput.TargetDate));
        Assert.Equal("Target completion date must be between 2000 and 2100", error?.Message);
    }

    [Fact]
    public void ActionValidator_TargetDateInYear1_Refused()
    {
        var error = On(new ActionInputValidator().Check(new ActionInput("1.2", "Act", [1], null, null, null, new DateOnly(1, 1, 1), ActionStatus.InProgress)),
            nameof(ActionInput.TargetDate));
        Assert.Equal("Target date must be between 2000 and 2100", error?.Message);
    }

    [Fact]
    public void MeetingValidator_DateIn9999_Refused()
    {
        var error = On(new MeetingInputValidator().Check(new MeetingInput(1, "31/12/9999", "10:00", "Civic Centre", null, false, null)), nameof(MeetingInput.Date));
        Assert.Equal("Date of the meeting must be between 2000 and 2100", error?.Message);
    }

    [Fact]
    public void MeetingValidator_PapersDeadlineInYear1_Refused()
    {
        var error = On(new MeetingInputValidator().Check(new MeetingInput(1, "20/06/2019", "10:00", "Civic Centre", "01/01/0001", false, null)), nameof(MeetingInput.PapersDeadline));
        Assert.Equal("Papers deadline must be between 2000 and 2100", error?.Message);
    }

    [Fact]
    public void RiskValidator_NulInTitle_RefusedWithMessage()
    {
        var error = On(new RiskInputValidator().Check(Risk() with { Title = "No\0budget" }), nameof(RiskInput.Title));
        Assert.Equal("Remove the control characters from the risk", error?.Message);
    }

    [Fact]
    public void RiskValidator_TabAndNewlineInCause_Accepted() =>
        Assert.Empty(new RiskInputValidator().Check(Risk() with { Cause = "First line\r\n\tSecond line" }));

    [Fact]
    public void RiskValidator_NewlineInReference_Refused()
    {
        var error = On(new RiskInputValidator().Check(Risk() with { Reference = "R5\n" }), nameof(RiskInput.Reference));
        Assert.NotNull(error);
    }

    [Fact]
    public void QuarterlyUpdateValidator_EscapeInNarrative_RefusedWithMessage()
    {
        var error = On(new QuarterlyUpdateInputValidator().Check(new QuarterlyUpdateInput(RagStatus.Green, "On track\u001b[2J", null)), nameof(QuarterlyUpdateInput.Narrative));
        Assert.Equal("Remove the control characters from the narrative", error?.Message);
    }

    [Fact]
    public void MatterUpdateValidator_BellInText_Refused()
    {
        var error = On(new MatterUpdateInputValidator().Check(new MatterUpdateInput("Done\a")), nameof(MatterUpdateInput.Text));
        Assert.Equal("Remove the control characters from the update", error?.Message);
    }

    [Fact]
    public void PersonValidator_NulInName_Refused()
    {
        var error = On(new Tracker.Domain.People.PersonInputValidator().Check(new Tracker.Domain.People.PersonInput("Ann\0", "AM", null, null, null)), "Name");
        Assert.Equal("Remove the control characters from the name", error?.Message);
    }
}
