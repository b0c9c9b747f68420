using Bunit;
using MudBlazor.Services;
using Tracker.App.Common;
using Tracker.App.Components.Shared;
using Tracker.App.Live;
using Tracker.Domain.Common;
using Tracker.Domain.Risks;
using Tracker.Domain.Strategy;

namespace Tracker.Tests.App.Components;

/// <summary>The shared pieces every page uses: chips, error summary, conflict panel.</summary>
public sealed class SharedComponentTests : BunitContext, IAsyncLifetime
{
    public SharedComponentTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        // As in a circuit: components follow live changes only when interactive.
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    [Theory]
    [InlineData(RagStatus.Blue, "rag--blue", "Blue")]
    [InlineData(RagStatus.Green, "rag--green", "Green")]
    [InlineData(RagStatus.Amber, "rag--amber", "Amber")]
    [InlineData(RagStatus.Red, "rag--red", "Red")]
    [InlineData(null, "rag--none", "Not updated")]
    public void RagChip_Status_WordIconAndItsOwnClass(RagStatus? status, string cssClass, string word)
    {
        var cut = Render<RagChip>(p => p.Add(c => c.Value, status));
        var chip = cut.Find(".rag");
        Assert.Contains(cssClass, chip.ClassList);
        Assert.Equal(word, chip.TextContent);
        Assert.Equal("true", chip.QuerySelector("svg")!.GetAttribute("aria-hidden"));
    }

    [Fact]
    public void RagChip_Overridden_SaysSo()
    {
        var cut = Render<RagChip>(p => p.Add(c => c.Value, RagStatus.Amber).Add(c => c.Overridden, true));
        Assert.Equal("Amber (overridden)", cut.Find(".rag").TextContent);
    }

    [Fact]
    public void RagChip_EachStatus_DistinctIcon()
    {
        var icons = new RagStatus?[] { RagStatus.Blue, RagStatus.Green, RagStatus.Amber, RagStatus.Red, null }
            .Select(s => Render<RagChip>(p => p.Add(c => c.Value, s)).Find("svg").InnerHtml).ToList();
        Assert.Equal(icons.Count, icons.Distinct().Count());
    }

    [Theory]
    [InlineData(1, 3, "low", "Low")]
    [InlineData(2, 4, "medium", "Medium")]
    [InlineData(3, 4, "high", "High")]
    [InlineData(5, 5, "very-high", "Very high")]
    public void ScoreChip_Score_NumberBandWordAndParts(int likelihood, int severity, string slug, string band)
    {
        var cut = Render<ScoreChip>(p => p.Add(c => c.Score, new RiskScore(likelihood, severity)).Add(c => c.Settings, new RiskSettings()));
        var chip = cut.Find(".score");
        Assert.Equal(slug, chip.GetAttribute("data-band"));
        Assert.Contains($"score--{slug}", chip.ClassList);
        Assert.Equal((likelihood * severity).ToString(), chip.QuerySelector("strong")!.TextContent);
        Assert.Contains(band, chip.TextContent);
        Assert.Equal($"likelihood {likelihood} ×  times severity {severity}", cut.Find(".score__parts").TextContent);
    }

    [Fact]
    public void ScoreChip_NoScore_SaysSoPlainly()
    {
        var cut = Render<ScoreChip>(p => p.Add(c => c.Score, (RiskScore?)null).Add(c => c.Settings, new RiskSettings()).Add(c => c.EmptyText, "Not yet set"));
        Assert.Equal("Not yet set", cut.Find(".score--none").TextContent);
    }

    [Fact]
    public void ErrorSummary_Errors_EachLinksToItsField()
    {
        var cut = Render<ErrorSummary>(p => p.Add(c => c.Errors, [new FieldError("Title", "Enter the risk title"), new FieldError("", "You cannot change this risk")]));
        Assert.Equal("There is a problem", cut.Find("h2").TextContent);
        var link = cut.Find("li a");
        Assert.Equal(("#Title", "Title", "Enter the risk title"), (link.GetAttribute("href"), link.GetAttribute("data-focus"), link.TextContent));
        Assert.Equal("You cannot change this risk", cut.FindAll("li")[1].TextContent.Trim());
        Assert.Equal("alert", cut.Find("[data-error-summary]").GetAttribute("role"));
    }

    [Fact]
    public void ErrorSummary_NoErrors_RendersNothing()
    {
        var cut = Render<ErrorSummary>(p => p.Add(c => c.Errors, Array.Empty<FieldError>()));
        Assert.Empty(cut.Markup.Trim());
    }

    [Fact]
    public void ConflictPanel_Conflict_TheirsBesideMineAndChoiceOnlyWhereTheyDiffer()
    {
        var conflict = new Conflict("Councillor Kate Lymer", DateTimeOffset.Parse("2026-11-30T10:42:00Z"), 4,
            [new ConflictValue("Title", "Risk", "Their title"), new ConflictValue("Cause", "Cause", "Same")]);
        ConflictValue? chosen = null;
        var cut = Render<ConflictPanel>(p => p.Add(c => c.Conflict, conflict)
            .Add(c => c.Mine, field => field == "Title" ? "My title" : "Same")
            .Add(c => c.UseTheirs, v => chosen = v));

        Assert.Contains("Councillor Kate Lymer saved this record", cut.Find("h2").TextContent);
        Assert.Equal(("Their title", "My title"), (cut.Find("[data-conflict-field=Title] [data-theirs]").TextContent, cut.Find("[data-conflict-field=Title] [data-mine]").TextContent));
        Assert.Empty(cut.FindAll("[data-conflict-field=Cause] button"));
        cut.Find("[data-conflict-field=Title] button").Click();
        Assert.Equal("Their title", chosen?.Value);
    }

    [Fact]
    public void FormState_Accept_RefusalsBecomeMessages()
    {
        var state = new FormState();
        Assert.False(state.Accept(SaveResult.Invalid("Title", "Enter the risk title")));
        Assert.Equal("Enter the risk title", state.Errors.For("Title"));
        Assert.False(state.Accept(SaveResult.Forbidden("Only the chair can do that")));
        Assert.Equal(["Only the chair can do that"], state.Errors.All.Select(e => e.Message));
        Assert.True(state.Accept(SaveResult.Saved(1, 2)));
        Assert.False(state.Errors.Any);
    }

    [Fact]
    public void Presence_Describe_DistinctPeopleInWords()
    {
        var presence = new Presence();
        using var a = presence.Join("risks", "u1", "Councillor Kate Lymer");
        using var b = presence.Join("risks", "u1", "Councillor Kate Lymer");
        using var c = presence.Join("risks", "u2", "Amanda Mumford");
        using var d = presence.Join("risks", "u3", "Peter Sibley");
        Assert.Equal(3, presence.PeopleViewing("risks"));
        Assert.Equal("Amanda Mumford and 1 other are also viewing", Presence.Describe(presence.OthersViewing("risks", "u3")));
        b.Dispose();
        Assert.Equal(3, presence.PeopleViewing("risks"));
        a.Dispose();
        Assert.Equal("Amanda Mumford is also viewing", Presence.Describe(presence.OthersViewing("risks", "u3")));
    }

    public Task InitializeAsync() => Task.CompletedTask;
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
