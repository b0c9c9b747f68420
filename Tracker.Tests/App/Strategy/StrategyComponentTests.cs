using Bunit;
using MudBlazor.Services;
using Tracker.App.Features.Strategy;
using Tracker.Domain.Strategy;

namespace Tracker.Tests.App.Strategy;

public sealed class StrategyComponentTests : IDisposable
{
    readonly BunitContext _context = new();

    public StrategyComponentTests() => _context.Services.AddMudServices();

    [Theory]
    [InlineData(RagStatus.Green, "Green", "report__rag--green")]
    [InlineData(RagStatus.Amber, "Amber", "report__rag--amber")]
    [InlineData(RagStatus.Red, "Red", "report__rag--red")]
    [InlineData(RagStatus.Blue, "Blue", "report__rag--blue")]
    [InlineData(null, "Not updated", "report__rag--none")]
    public void RagCell_Rating_ColouredCellWithItsWord(RagStatus? rag, string word, string colour)
    {
        var cell = RenderCell(rag, false);
        Assert.Equal(word, cell.TextContent);
        Assert.Contains(colour, cell.ClassList);
    }

    [Fact]
    public void RagCell_Overridden_SaysSo() => Assert.Equal("Amber (overridden)", RenderCell(RagStatus.Amber, true).TextContent);

    AngleSharp.Dom.IElement RenderCell(RagStatus? rag, bool overridden)
    {
        var table = _context.Render(builder =>
        {
            builder.OpenElement(0, "table");
            builder.OpenElement(1, "tbody");
            builder.OpenElement(2, "tr");
            builder.OpenComponent<RagCell>(3);
            builder.AddAttribute(4, nameof(RagCell.Value), rag);
            builder.AddAttribute(5, nameof(RagCell.Overridden), overridden);
            builder.CloseComponent();
            builder.CloseElement();
            builder.CloseElement();
            builder.CloseElement();
        });
        return table.Find("td");
    }

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

        var items = timeline.FindAll("li.timeline__item");
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
