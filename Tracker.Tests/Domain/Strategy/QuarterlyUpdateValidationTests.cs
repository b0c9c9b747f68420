using Tracker.Domain.Common;
using Tracker.Domain.Strategy;

namespace Tracker.Tests.Domain.Strategy;

public sealed class QuarterlyUpdateValidationTests
{
    static readonly QuarterlyUpdateInputValidator Validator = new();

    static IReadOnlyList<FieldError> Check(RagStatus? rag, string? narrative, string? link = null, RagStatus? previous = null) =>
        Validator.Check(new QuarterlyUpdateInput(rag, narrative, link, previous));

    [Fact]
    public void Check_NoRag_SelectARagStatus() =>
        Assert.Equal([new FieldError("Rag", "Select a RAG status")], Check(null, "Some text"));

    [Theory]
    [InlineData(RagStatus.Red)]
    [InlineData(RagStatus.Amber)]
    public void Check_RedOrAmberWithoutNarrative_NarrativeRequired(RagStatus rag) =>
        Assert.Equal([new FieldError("Narrative", $"Enter a narrative explaining why the action is {rag}")], Check(rag, " "));

    [Fact]
    public void Check_GreenUnchangedWithoutNarrative_Valid() =>
        Assert.Empty(Check(RagStatus.Green, "", previous: RagStatus.Green));

    [Fact]
    public void Check_FirstGreenWithoutNarrative_Valid() =>
        Assert.Empty(Check(RagStatus.Green, null));

    [Fact]
    public void Check_ChangedToBlueWithoutNarrative_NarrativeRequired() =>
        Assert.Equal([new FieldError("Narrative", "Enter a narrative explaining the change from Green to Blue")],
            Check(RagStatus.Blue, "", previous: RagStatus.Green));

    [Fact]
    public void Check_NarrativeTooLong_LengthMessage() =>
        Assert.Equal([new FieldError("Narrative", "Narrative must be 10,000 characters or fewer")],
            Check(RagStatus.Green, new string('a', 10001)));

    [Theory]
    [InlineData("not a link")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.org/file")]
    public void Check_EvidenceNotAWebAddress_Refused(string link) =>
        Assert.Equal("Enter the evidence link as a full web address, like https://www.bromley.gov.uk/report",
            Assert.Single(Check(RagStatus.Green, "x", link)).Message);

    [Fact]
    public void Check_EvidenceHttps_Valid() =>
        Assert.Empty(Check(RagStatus.Green, "x", "https://www.bromley.gov.uk/safer-bromley"));

    [Fact]
    public void NarrativeParse_ParagraphsAndDashLists_Blocks()
    {
        var blocks = Narrative.Parse("First line\ncontinues.\n\nWe have been:\n- one\n- two\n\n<b>Last</b>");
        Assert.Equal(4, blocks.Count);
        Assert.Equal(new[] { "First line continues." }, blocks[0].Lines);
        Assert.Equal(new[] { "We have been:" }, blocks[1].Lines);
        Assert.True(blocks[2].IsList);
        Assert.Equal(new[] { "one", "two" }, blocks[2].Lines);
        Assert.Equal(new[] { "<b>Last</b>" }, blocks[3].Lines);
    }

    [Fact]
    public void ActionInput_NoOwners_SelectAtLeastOne()
    {
        var errors = new ActionInputValidator().Check(new ActionInput("1.2", "Do it", [], null, null, null, null, ActionStatus.InProgress));
        Assert.Equal([new FieldError("OwnerIds", "Select at least one owner")], errors);
    }
}
