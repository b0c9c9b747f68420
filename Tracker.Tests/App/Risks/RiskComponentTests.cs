using Bunit;
using MudBlazor.Services;
using Tracker.App.Features.Risks;
using Tracker.Domain.Risks;

namespace Tracker.Tests.App.Risks;

/// <summary>bUnit tests of the risk area's small components: heat map, direction, further action RAG, score preview.</summary>
public sealed class RiskComponentTests : IDisposable
{
    readonly BunitContext _context = new();

    public RiskComponentTests() => _context.Services.AddMudServices();

    public void Dispose() => _context.Dispose();

    static HeatMapData Map(ScoreKind kind = ScoreKind.Net, RiskSettings? settings = null, int notAssessed = 0) =>
        new(kind, settings ?? new RiskSettings(), new Dictionary<(int, int), int> { [(4, 4)] = 2, [(2, 2)] = 3, [(1, 3)] = 1 }, notAssessed);

    [Fact]
    public void HeatMap_DefaultMatrix_TableWithRowAndColumnHeaders()
    {
        var cut = _context.Render<RiskHeatMap>(p => p.Add(c => c.Data, Map()));
        Assert.Equal("Net risk: open risks by likelihood and severity", cut.Find("caption").TextContent);
        Assert.Equal(6, cut.FindAll("thead th[scope=col]").Count);
        Assert.Equal(["Likelihood 5", "Likelihood 4", "Likelihood 3", "Likelihood 2", "Likelihood 1"], cut.FindAll("tbody th[scope=row]").Select(h => h.TextContent));
        Assert.Equal(25, cut.FindAll("td[data-cell]").Count);
    }

    [Fact]
    public void HeatMap_Cell_CountLinksToFilteredRegisterAndNamesItsBand()
    {
        var cut = _context.Render<RiskHeatMap>(p => p.Add(c => c.Data, Map(ScoreKind.Gross)));
        var cell = cut.Find("td[data-cell='4-4']");
        var link = cell.QuerySelector("a")!;
        Assert.Equal("/risks?scores=gross&likelihood=4&severity=4", link.GetAttribute("href"));
        Assert.Equal("2 risks at likelihood 4, severity 4", link.TextContent);
        Assert.Equal("16 High", cell.QuerySelector(".heat-map__band")!.TextContent);
        Assert.Contains("band--high", cell.ClassList);
        Assert.Equal("1 risk at likelihood 1, severity 3", cut.Find("td[data-cell='1-3'] a").TextContent);
        Assert.Equal("0", cut.Find("td[data-cell='5-5']").GetAttribute("data-count"));
        Assert.Equal("25 Very high", cut.Find("td[data-cell='5-5'] .heat-map__band").TextContent);
    }

    [Fact]
    public void HeatMap_Highlight_MarksThisRiskInWords()
    {
        var cut = _context.Render<RiskHeatMap>(p => p.Add(c => c.Data, Map()).Add(c => c.Highlight, (2, 2)));
        Assert.Equal("This risk", cut.Find("td[data-cell='2-2'] .heat-map__this").TextContent);
        Assert.Single(cut.FindAll(".heat-map__this"));
    }

    [Fact]
    public void HeatMap_NotAssessedRisks_Counted()
    {
        var cut = _context.Render<RiskHeatMap>(p => p.Add(c => c.Data, Map(ScoreKind.Target, notAssessed: 2)));
        Assert.Contains("2 open risks have no target score yet", cut.Find("[data-not-assessed]").TextContent);
    }

    [Fact]
    public void HeatMap_FourByFourMatrix_FourRowsAndColumns()
    {
        var cut = _context.Render<RiskHeatMap>(p => p.Add(c => c.Data, Map(settings: new RiskSettings { MatrixSize = 4, LowMax = 3, MediumMax = 6, HighMax = 9 })));
        Assert.Equal(16, cut.FindAll("td[data-cell]").Count);
        Assert.Equal("Low 1–3", cut.FindAll(".heat-map__legend .score")[0].TextContent.Trim());
    }

    [Fact]
    public void DirectionBadge_Worse_WordAndHiddenSymbol()
    {
        var cut = _context.Render<DirectionBadge>(p => p.Add(c => c.Direction, Direction.Worse));
        Assert.Equal("▲ Worse", cut.Find("[data-direction=worse]").TextContent);
        Assert.Equal("true", cut.Find(".direction__symbol").GetAttribute("aria-hidden"));
    }

    [Theory]
    [InlineData(FurtherActionRag.Red, "Red", "rag--red")]
    [InlineData(null, "Not rated", "rag--none")]
    public void FurtherActionRagChip_Rating_WordIconAndColour(FurtherActionRag? rag, string word, string css)
    {
        var cut = _context.Render<FurtherActionRagChip>(p => p.Add(c => c.Rag, rag));
        var chip = cut.Find(".rag");
        Assert.Equal(word, chip.TextContent);
        Assert.Contains(css, chip.ClassList);
        Assert.NotNull(chip.QuerySelector("svg[aria-hidden=true]"));
    }

    [Fact]
    public void ScorePreview_NetAboveAppetite_FlaggedInWordsAndMarkedOnTheMatrix()
    {
        var cut = _context.Render<RiskScorePreview>(p => p
            .Add(c => c.Settings, new RiskSettings())
            .Add(c => c.Gross, new RiskScore(4, 4)).Add(c => c.Net, new RiskScore(3, 4)).Add(c => c.Target, new RiskScore(3, 4))
            .Add(c => c.CategoryCodes, ["L"]).Add(c => c.Categories, [new RiskCategoryRow("L", "Legal", RiskAppetite.Minimal)]));
        Assert.Equal("above", cut.Find("[data-preview-appetite]").GetAttribute("data-preview-appetite"));
        Assert.Contains("Net score 12 is above the 8 the categories tolerate", cut.Find("[data-preview-appetite]").TextContent);
        Assert.Equal("NT", cut.Find("td[data-cell='3-4']").GetAttribute("data-marks"));
        Assert.Contains("net and target at likelihood 3, severity 4", cut.Find("td[data-cell='3-4']").TextContent);
        Assert.Equal("G", cut.Find("td[data-cell='4-4']").GetAttribute("data-marks"));
    }
}
