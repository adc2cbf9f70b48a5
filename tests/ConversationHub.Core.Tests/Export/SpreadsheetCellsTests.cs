using ConversationHub.Core.Export;

namespace ConversationHub.Core.Tests.Export;

/// <summary>Exported cells never run as formulas, and the FAQ import gets back exactly what was exported.</summary>
public sealed class SpreadsheetCellsTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+81 90", "'+81 90")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTab", "'\tTab")]
    [InlineData("\rCR", "'\rCR")]
    [InlineData("住民票の写し", "住民票の写し")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void Neutralise_FormulaStarts_GetAnApostropheAndRestoreBack(string value, string expected)
    {
        Assert.Equal(expected, SpreadsheetCells.Neutralise(value));
        Assert.Equal(value, SpreadsheetCells.Restore(SpreadsheetCells.Neutralise(value)));
    }

    [Fact]
    public void Restore_AnApostropheBeforeOrdinaryText_IsKept()
    {
        Assert.Equal("'quoted", SpreadsheetCells.Restore("'quoted"));
        Assert.Null(SpreadsheetCells.NeutraliseOrNull(null));
    }
}
