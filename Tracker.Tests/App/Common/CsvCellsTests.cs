using Tracker.App.Common;

namespace Tracker.Tests.App.Common;

public sealed class CsvCellsTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\")", "'=HYPERLINK(\"http://evil.example\")")]
    [InlineData("+44 20 8313", "'+44 20 8313")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("- a narrative list line", "'- a narrative list line")]
    [InlineData("'=quoted", "''=quoted")]
    [InlineData("Plain text", "Plain text")]
    public void Defuse_FormulaLikeText_PrefixedWithApostrophe(string text, string expected) =>
        Assert.Equal(expected, CsvCells.Defuse(text));

    [Theory]
    [InlineData("=1+1")]
    [InlineData("'quoted by the author'")]
    [InlineData("'=1+1")]
    [InlineData("\tTab")]
    [InlineData("- list line")]
    [InlineData("Plain text")]
    public void Restore_AfterDefuse_GivesOriginal(string text) =>
        Assert.Equal(text, CsvCells.Restore(CsvCells.Defuse(text)));

    [Fact]
    public void Quote_CommaQuoteOrNewline_QuotedAndDoubled() =>
        Assert.Equal("\"Say \"\"hello\"\", then\nleave\"", CsvCells.Quote("Say \"hello\", then\nleave"));
}
