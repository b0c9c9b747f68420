using Bunit;
using Tracker.App.Features.Strategy;
using Tracker.Domain.Strategy;

namespace Tracker.Tests.App.Strategy;

public sealed class StrategyComponentTests : IDisposable
{
    readonly BunitContext _context = new();

    [Theory]
    [InlineData(RagStatus.Green, "Green", "govuk-tag--green")]
    [InlineData(RagStatus.Amber, "Amber", "govuk-tag--orange")]
    [InlineData(RagStatus.Red, "Red", "govuk-tag--red")]
    [InlineData(RagStatus.Blue, "Blue", "govuk-tag--blue")]
    [InlineData(null, "Not updated", "govuk-tag--grey")]
    public void RagTag_Rating_ShowsItsWordNotColourAlone(RagStatus? rag, string word, string colour)
    {
        var tag = _context.Render<RagTag>(p => p.Add(t => t.Value, rag)).Find("strong");
        Assert.Equal(word, tag.TextContent);
        Assert.Contains(colour, tag.ClassList);
    }

    [Fact]
    public void RagTag_Overridden_SaysSo() =>
        Assert.Equal("Amber (overridden)", _context.Render<RagTag>(p => p.Add(t => t.Value, RagStatus.Amber).Add(t => t.Overridden, true)).Find("strong").TextContent);

    [Fact]
    public void RagTimeline_Quarters_EachWithRagNarrativeAndHistory()
    {
        var q3 = new FinancialQuarter(2020, 3);
        var q4 = new FinancialQuarter(2020, 4);
        var at = new DateTimeOffset(2021, 3, 17, 10, 0, 0, TimeSpan.Zero);
        TimelineEntry[] entries =
        [
            new(q4, new UpdateView(2, q4.Key, RagStatus.Green, "Now on track.\n- item <b>one</b>", null, "Peter Sibley", at),
                [new UpdateView(1, q4.Key, RagStatus.Amber, "First draft", null, "Peter Sibley", at.AddDays(-1))], Locked: true),
            new(q3, null, [], Locked: false),
        ];
        var timeline = _context.Render<RagTimeline>(p => p.Add(t => t.Entries, entries));

        var items = timeline.FindAll("li.tracker-timeline__item");
        Assert.Equal(2, items.Count);
        Assert.Contains("Quarter Four 2020/21", items[0].QuerySelector("h3")!.TextContent);
        Assert.Contains("(locked)", items[0].QuerySelector("h3")!.TextContent);
        Assert.Equal("Green", items[0].QuerySelector("h3 [data-rag]")!.GetAttribute("data-rag"));
        Assert.Equal("Now on track.", items[0].QuerySelector("p")!.TextContent);
        Assert.Equal("item <b>one</b>", items[0].QuerySelector("ul li")!.TextContent);
        Assert.Null(items[0].QuerySelector("b"));
        Assert.Contains("Updated by Peter Sibley on 17 March 2021 at 10:00", items[0].TextContent);
        Assert.Contains("Earlier versions for 2020/21 Q4 (1)", items[0].QuerySelector("details")!.TextContent);
        Assert.Equal("Not updated", items[1].QuerySelector("[data-rag]")!.TextContent);
    }

    public void Dispose() => _context.Dispose();
}
